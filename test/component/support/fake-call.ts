import { call } from '@/services/call'
import type { Result } from '@/types'

// Component tests fake the client at its `call` boundary: pages and forms run for real, and each
// test says what the functions answer. A call nobody expected fails the test instead of hanging.
type Handler = (input: unknown) => Result<unknown> | Promise<Result<unknown>>
export type Recorded = { fn: string; action: string; input: unknown }

export function answer(handlers: Record<string, Handler>): Recorded[] {
  const calls: Recorded[] = []
  jest.mocked(call).mockImplementation(async (fn, action, input) => {
    calls.push({ fn, action, input })
    const handler = handlers[`${fn}.${action}`]
    if (!handler) throw new Error(`unexpected call ${fn}.${action}`)
    return (await handler(input)) as never
  })
  return calls
}

export const inputsOf = (calls: Recorded[], action: string): unknown[] => calls.filter((c) => c.action === action).map((c) => c.input)
