import '@testing-library/jest-dom'
import { configure } from '@testing-library/react'
import { resetTaroMock } from './taro.mock'

// Testing Library's findBy/waitFor give up after 1 s by default. A page here renders Stencil's custom
// elements in jsdom and awaits several faked calls in a chain; on 2 shared cores under load that chain
// took longer than 1 s and a correct page failed (council-staff-open, seen at load 12). What a test
// waits for either appears or never does, so a longer limit changes only how slowly a real failure fails.
configure({ asyncUtilTimeout: 5_000 })

beforeEach(() => resetTaroMock())
