import type { Message, MessageTodo } from '../../../../types/message.schema'
import type { RequestStatus } from '../../../../types/request.schema'
import type { WishStatus } from '../../../../types/wish.schema'

/**
 * The ask at the end of a notice's title and body (request-notices and notice-text for a reply,
 * wish-notices for a fulfilment), in one place for the notices and for settling them.
 */
export const todoAsks = {
  rate: { title: '，请评价', body: '。请在7天内评价' },
  confirm: { title: '，请您确认', body: '' },
} as const

const without = (text: string, ask: string) => (ask && text.endsWith(ask) ? text.slice(0, -ask.length) : text)

/**
 * A message once its ask is answered or moot: 诉求已答复，请评价 reads 诉求已答复 beside 已评价, so
 * nothing on the page still asks for what is done. The stored message (and WeChat's push) keep the ask.
 */
export function settled(message: { title: string; body: string }, act: keyof typeof todoAsks): { title: string; body: string } {
  return { title: without(message.title, todoAsks[act].title), body: without(message.body, todoAsks[act].body) }
}

/** The item a message's call to action acts on: a request to rate, a wish to confirm. */
export type TodoItem = { act: 'rate'; requestId: string } | { act: 'confirm'; wishId: string }

/**
 * The messages that ask their reader to act on the item (request-notices: reply → 诉求已答复，请评价;
 * wish-notices: fulfil → 心愿已完成，请您确认). Every other message only tells.
 */
export function todoItemOf(message: Pick<Message, 'audience' | 'action' | 'requestId' | 'wishId'>): TodoItem | null {
  if (message.audience === 'resident' && message.action === 'reply' && message.requestId) return { act: 'rate', requestId: message.requestId }
  if (message.audience === 'resident' && message.action === 'fulfil' && message.wishId) return { act: 'confirm', wishId: message.wishId }
  return null
}

/** Where rating stands on the request now: waiting while replied; done once rated (closed, or reopened as 未解决). */
export function rateState(request: { status: RequestStatus; rating: unknown }): MessageTodo['state'] {
  if (request.status === 'replied') return 'waiting'
  return request.rating ? 'done' : 'moot'
}

/** Where confirming stands on the wish now: done only when the wisher confirmed it, not the grid worker's visit. */
export function confirmState(wish: { status: WishStatus; confirmation: { via: string } | null }): MessageTodo['state'] {
  if (wish.status === 'fulfilled') return 'waiting'
  return wish.status === 'realised' && wish.confirmation?.via === 'wisher' ? 'done' : 'moot'
}
