import '@testing-library/jest-dom'
import { configure } from '@testing-library/react'
import { resetTaroMock } from './taro.mock'

// Testing Library's findBy/waitFor give up after 1 s by default. A page here renders Stencil's custom
// elements in jsdom and awaits several faked calls in a chain; on 2 shared cores under load that chain
// took longer than 1 s and a correct page failed (council-staff-open, seen at load 12). What a test
// waits for either appears or never does, so a longer limit changes only how slowly a real failure fails.
configure({ asyncUtilTimeout: 5_000 })

beforeEach(() => resetTaroMock())

// The weapp main package's code calls through `callUnchecked` (src/services/call-unchecked.ts), which
// only leaves out the contract's checks; it goes through `call` here, so a test fakes both at the one
// `call` boundary (fake-call.ts) and what it answers reaches a page whichever of the two it calls.
// call-unchecked.test.ts unmocks it to test the real one.
type Call = typeof import('@/services/call').call
jest.mock('@/services/call-unchecked', () => ({
  callUnchecked: (...args: Parameters<Call>) => (require('@/services/call') as { call: Call }).call(...args),
}))
