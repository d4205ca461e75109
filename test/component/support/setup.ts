import '@testing-library/jest-dom'
import { resetTaroMock } from './taro.mock'

beforeEach(() => resetTaroMock())
