import type { AssistedBallotView } from '../../../../types/council.actions'
import type { ProposalStatus } from '../../../../types/council.schema'
import type { DecisionStatus } from '../../../../types/directory.schema'
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

/**
 * What staff are asked to decide (issue 9): a binding to review, a party registration to 核实, a held
 * filing to review, a wish to 核实, a proposal to decide, an assisted ballot to confirm.
 */
export type ReviewSubject = 'binding' | 'registration' | 'request' | 'wish' | 'proposal' | 'assisted'

/** The item a message's call to action acts on: a request to rate, a wish to confirm, something to decide. */
export type TodoItem =
  | { act: 'rate'; requestId: string }
  | { act: 'confirm'; wishId: string }
  | { act: 'review'; subject: ReviewSubject; id: string }

/**
 * An application's notice names no item field: its `_id` is `${applicationId}>${recipientId}`
 * (directory review-notices, council assisted ballots), one per application and person.
 */
const applicationOf = (messageId = ''): string | null => {
  const cut = messageId.lastIndexOf('>')
  return cut > 0 ? messageId.slice(0, cut) : null
}

type Asking = Pick<Message, 'audience' | 'action' | 'requestId' | 'wishId' | 'proposalId'> & { _id?: string }

/**
 * The staff messages that ask for a decision, by the action that sent them: where their item is named,
 * and their title once it is decided (待审核, 请决定 and 等您确认 would still ask beside 已处理).
 */
const reviewAsks: Partial<Record<Message['action'], { item: (m: Asking) => { subject: ReviewSubject; id: string | null | undefined }; settled: string }>> = {
  bindingWaiting: { item: (m) => ({ subject: 'binding', id: applicationOf(m._id) }), settled: '居民申请绑定住户' },
  registrationWaiting: { item: (m) => ({ subject: 'registration', id: applicationOf(m._id) }), settled: '党员报到' },
  assistedWaiting: { item: (m) => ({ subject: 'assisted', id: applicationOf(m._id) }), settled: '代录的投票' },
  flag: { item: (m) => ({ subject: 'request', id: m.requestId }), settled: '诉求内容审核' },
  post: { item: (m) => ({ subject: 'wish', id: m.wishId }), settled: '微心愿核实' },
  reachThreshold: { item: (m) => ({ subject: 'proposal', id: m.proposalId }), settled: '居民提议联署已够' },
}

/** A decision's notice once decided: what it was about, without the ask; its body (who, where) stays. */
export function settledReview(message: Pick<Message, 'action' | 'title' | 'body'>): { title: string; body: string } {
  return { title: reviewAsks[message.action]?.settled ?? message.title, body: message.body }
}

/**
 * The messages that ask their reader to act on the item (request-notices: reply → 诉求已答复，请评价;
 * wish-notices: fulfil → 心愿已完成，请您确认; to staff, every 待审核 kind of reviewAsks). Every other
 * message only tells.
 */
export function todoItemOf(message: Asking): TodoItem | null {
  if (message.audience === 'resident' && message.action === 'reply' && message.requestId) return { act: 'rate', requestId: message.requestId }
  if (message.audience === 'resident' && message.action === 'fulfil' && message.wishId) return { act: 'confirm', wishId: message.wishId }
  const review = message.audience === 'staff' ? reviewAsks[message.action]?.item(message) : undefined
  return review?.id ? { act: 'review', subject: review.subject, id: review.id } : null
}

/** Where a decision stands on its item now, from the item's status: decided by anyone is done; taken back or lapsed is moot. */
export type ReviewFacts =
  | { subject: 'binding' | 'registration'; status: DecisionStatus }
  | { subject: 'request'; status: RequestStatus }
  | { subject: 'wish'; status: WishStatus }
  | { subject: 'proposal'; status: ProposalStatus }
  | { subject: 'assisted'; status: AssistedBallotView['status'] }

export function reviewState(facts: ReviewFacts): MessageTodo['state'] {
  switch (facts.subject) {
    case 'binding':
    case 'registration':
    case 'assisted':
      return facts.status === 'pending' ? 'waiting' : 'done'
    case 'request':
      // Released (and dispatched), rejected or referred by a reviewer; withdrawn by the resident first.
      return facts.status === 'inReview' ? 'waiting' : facts.status === 'withdrawn' ? 'moot' : 'done'
    case 'wish':
      // 核实 ends in publish, return or convert; a wish withdrawn or expired before it asks nothing.
      return facts.status === 'inReview' ? 'waiting' : facts.status === 'withdrawn' || facts.status === 'expired' ? 'moot' : 'done'
    case 'proposal':
      return facts.status === 'awaitingDecision' ? 'waiting' : facts.status === 'accepted' || facts.status === 'declined' ? 'done' : 'moot'
    default: {
      const unreachable: never = facts
      return unreachable
    }
  }
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
