import { inspect } from 'node:util'
import { expectNoProblems, reportProblem } from './problems'

/**
 * Every weapp test fails on a console.error or console.warn (Taro's and React's warnings included)
 * and on an error nobody caught, wherever it came from: a page that logs while it renders
 * correctly is still a page with a problem.
 */
const quoted = (args: unknown[]) => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 3 }))).join(' ')

for (const level of ['error', 'warn'] as const) {
  const original = console[level].bind(console)
  console[level] = (...args: unknown[]) => {
    reportProblem(`console.${level}: ${quoted(args)}`)
    original(...args)
  }
}

const onRejection = (reason: unknown) => reportProblem(`unhandled rejection: ${quoted([reason])}`)
const onError = (event: ErrorEvent) => reportProblem(`uncaught error: ${quoted([event.error ?? event.message])}`)
beforeAll(() => {
  process.on('unhandledRejection', onRejection)
  window.addEventListener('error', onError)
})
afterAll(() => {
  process.off('unhandledRejection', onRejection)
  window.removeEventListener('error', onError)
})

afterEach(() => expectNoProblems())

// testTimeout is ignored inside a project of a multi-project run (see test/jest/slow-tests.js).
jest.setTimeout(15_000)
