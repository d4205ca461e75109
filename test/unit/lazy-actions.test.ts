import { z } from 'zod'
import { contract, type ActionInput, type ActionOutput } from '../../types'
import { lazyActions } from '../../types/lazy-actions'

test("an action's schemas are built on its first use, once, and not when another action is used", () => {
  const built: string[] = []
  const actions = lazyActions({
    ping: () => (built.push('ping'), { input: z.object({ n: z.number() }), output: z.string() }),
    pong: () => (built.push('pong'), { input: z.object({}), output: z.number() }),
  })
  expect(built).toEqual([])
  expect(Object.keys(actions)).toEqual(['ping', 'pong'])
  expect(Object.hasOwn(actions, 'ping')).toBe(true)
  expect(actions.ping.input.safeParse({ n: 1 }).success).toBe(true)
  expect(actions.ping.input.safeParse({ n: 'x' }).success).toBe(false)
  expect(actions.ping).toBe(actions.ping)
  expect(built).toEqual(['ping'])
})

test('the contract still types each action exactly, and its schemas parse as before', () => {
  const rated: ActionInput<'requests', 'rate'> = { requestId: 'r-1', outcome: 'resolved', satisfaction: 'satisfied' }
  // @ts-expect-error an outcome the contract does not know
  const wrong: ActionInput<'requests', 'rate'> = { requestId: 'r-1', outcome: 'fixed', satisfaction: 'satisfied' }
  const counts: ActionOutput<'requests', 'unreadMessages'> = { unread: 2 }
  expect(contract.requests.rate.input.safeParse(rated).success).toBe(true)
  expect(contract.requests.rate.input.safeParse(wrong).success).toBe(false)
  expect(contract.requests.unreadMessages.output.parse(counts)).toEqual({ unread: 2 })
})
