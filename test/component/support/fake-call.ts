import { call } from '@/services/call'
import { success, type Result } from '@/types'

// Component tests fake the client at its `call` boundary: pages and forms run for real, and each
// test says what the functions answer. A call nobody expected fails the test instead of hanging.
type Handler = (input: unknown) => Result<unknown> | Promise<Result<unknown>>
export type Recorded = { fn: string; action: string; input: unknown }

/**
 * What every test starts with unless it says otherwise: pages that ask for subscriptions at their taps
 * load the caller's templates when they show, and [] is a deployment with none configured; the tab
 * pages ask for the 消息 badge's count when they show, and 0 is nothing unread.
 */
const unlessTheTestSaysOtherwise: Record<string, Handler> = {
  'directory.mySubscriptions': () => success([]),
  'requests.unreadMessages': () => success({ unread: 0 }),
}

/** 首页's own reads (my open items, who to ring) answering nothing: for tests about something else on 首页. */
export const quietHome: Record<string, Handler> = {
  'directory.homeContacts': () => success({ community: null, gridWorker: null }),
  'requests.listMine': () => success({ items: [], nextCursor: null }),
  'wishes.listMine': () => success({ items: [], nextCursor: null }),
}

export function answer(handlers: Record<string, Handler>): Recorded[] {
  const calls: Recorded[] = []
  const answers = { ...unlessTheTestSaysOtherwise, ...handlers }
  jest.mocked(call).mockImplementation(async (fn, action, input) => {
    calls.push({ fn, action, input })
    const handler = answers[`${fn}.${action}`]
    if (!handler) throw new Error(`unexpected call ${fn}.${action}`)
    return (await handler(input)) as never
  })
  return calls
}

export const inputsOf = (calls: Recorded[], action: string): unknown[] => calls.filter((c) => c.action === action).map((c) => c.input)
