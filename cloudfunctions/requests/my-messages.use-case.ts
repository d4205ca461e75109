import { z } from 'zod'
import { AssistedBallotView, DecisionStatus, Message, ProposalStatus, RequestStatus, success, WishStatus, type MessageTodo, type MessageView } from '../../types'
import {
  confirmState, rateState, reviewState, settled, settledReview, todoItemOf, type ReviewSubject, type TodoItem,
} from '../shared/core/message/message-todo'
import { Collections, type CollectionName } from '../shared/runtime/collections'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { database } from '../shared/runtime/cloudbase'
import { findMany } from '../shared/runtime/documents'
import { offsetOf, page } from '../shared/runtime/paging'

const messages = () => database().collection(Collections.messages)

/** The 消息 page: what the outbox holds for the caller, newest first, with what each still asks of them. */
export const myMessages: ActionHandler<'requests', 'myMessages'> = async (input, { actor }) => {
  const offset = offsetOf(input.cursor)
  const { data } = await messages()
    .where({ recipientId: actor.userId })
    .orderBy('at', 'desc')
    .skip(offset)
    .limit(input.limit + 1)
    .get()
  const fetched = (data as unknown[]).map((doc) => Message.parse(doc))
  const todos = await todoStates(fetched)
  const views = fetched.map(({ recipientId: _recipient, unread, readAt: _read, ...message }): MessageView => {
    const todo = todos.get(message._id)
    const words = !todo || todo.state === 'waiting' ? {} : todo.act === 'review' ? settledReview(message) : settled(message, todo.act)
    return { ...message, ...words, unread: unread === true, ...(todo ? { todo } : {}) }
  })
  return success(page(views, offset, input.limit))
}

const RequestFacts = z.object({ _id: z.string(), status: RequestStatus, rating: z.unknown() })
const WishFacts = z.object({ _id: z.string(), status: WishStatus, confirmation: z.object({ via: z.string() }).nullable() })

/** A collection whose documents' status says where a decision stands: one read for a page's ids, each id with its state. */
const decided = <T>(collection: CollectionName, status: z.ZodType<T>, state: (status: T) => MessageTodo['state']) =>
  async (ids: readonly string[]): Promise<[string, MessageTodo['state']][]> => {
    const found = await statesIn(collection, z.object({ _id: z.string(), status }), ids, { _id: true, status: true })
    return found.map((doc) => [doc._id, state(doc.status)])
  }

/** Where each kind of decision's item lives; requests and wishes are read once for both of their asks. */
const reviewed = {
  binding: decided(Collections.bindingRequests, DecisionStatus, (status) => reviewState({ subject: 'binding', status })),
  registration: decided(Collections.partyRegistrations, DecisionStatus, (status) => reviewState({ subject: 'registration', status })),
  proposal: decided(Collections.proposals, ProposalStatus, (status) => reviewState({ subject: 'proposal', status })),
  assisted: decided(Collections.assistedBallots, AssistedBallotView.shape.status, (status) => reviewState({ subject: 'assisted', status })),
} satisfies Partial<Record<ReviewSubject, unknown>>
const decisionSubjects = ['binding', 'registration', 'proposal', 'assisted'] as const satisfies readonly (keyof typeof reviewed)[]

const idsOf = (items: readonly TodoItem[], pick: (item: TodoItem) => string | null) => [...new Set(items.flatMap((item) => pick(item) ?? []))]

/** One read of a collection for the ids a page asks about, only the fields the state needs; none for no ids. */
async function statesIn<S extends z.ZodTypeAny>(collection: CollectionName, schema: S, ids: readonly string[], fields: Record<string, true>): Promise<z.output<S>[]> {
  return ids.length === 0 ? [] : findMany(collection, { _id: database().command.in([...ids]) }, schema, { fields })
}

/**
 * Each call to action as its item stands now, for one page of messages: one read per collection the
 * page asks about (requests, wishes, bindings, registrations, proposals, assisted ballots), never one
 * per message, only the fields the state needs.
 */
async function todoStates(page: readonly Message[]): Promise<Map<string, MessageTodo>> {
  const asked = page.flatMap((message) => {
    const item = todoItemOf(message)
    return item ? [{ messageId: message._id, item }] : []
  })
  const items = asked.map(({ item }) => item)
  const review = (subject: ReviewSubject) => (item: TodoItem) => (item.act === 'review' && item.subject === subject ? item.id : null)
  const requestIds = idsOf(items, (item) => (item.act === 'rate' ? item.requestId : review('request')(item)))
  const wishIds = idsOf(items, (item) => (item.act === 'confirm' ? item.wishId : review('wish')(item)))
  const status = { _id: true, status: true } as const
  const [requests, wishes, ...decisions] = await Promise.all([
    statesIn(Collections.requests, RequestFacts, requestIds, { ...status, rating: true }),
    statesIn(Collections.wishes, WishFacts, wishIds, { ...status, confirmation: true }),
    ...decisionSubjects.map(async (subject) => (await reviewed[subject](idsOf(items, review(subject)))).map(([id, state]) => [`${subject}:${id}`, state] as const)),
  ])
  const known = new Map<string, MessageTodo['state']>([
    ...requests.flatMap((r) => [[`rate:${r._id}`, rateState(r)], [`request:${r._id}`, reviewState({ subject: 'request', status: r.status })]] as const),
    ...wishes.flatMap((w) => [[`confirm:${w._id}`, confirmState(w)], [`wish:${w._id}`, reviewState({ subject: 'wish', status: w.status })]] as const),
    ...decisions.flat(),
  ])
  const keyOf = (item: TodoItem) => (item.act === 'rate' ? `rate:${item.requestId}` : item.act === 'confirm' ? `confirm:${item.wishId}` : `${item.subject}:${item.id}`)
  // An item gone from the database asks nothing any more.
  return new Map(asked.map(({ messageId, item }) => [messageId, { act: item.act, state: known.get(keyOf(item)) ?? 'moot' }]))
}

/** The 消息 tab's badge. */
export const unreadMessages: ActionHandler<'requests', 'unreadMessages'> = async (_input, { actor }) => success({ unread: await unreadOf(actor.userId) })

/**
 * The page showed these messages: they are read. The caller's own only — the recipient is part of
 * the condition, so another person's message id marks nothing — and a read one is left as it was.
 */
export const markMessagesRead: ActionHandler<'requests', 'markMessagesRead'> = async (input, { actor, now }) => {
  const _ = database().command
  await messages().where({ _id: _.in(input.ids), recipientId: actor.userId, unread: true }).update({ unread: false, readAt: now })
  return success({ unread: await unreadOf(actor.userId) })
}

async function unreadOf(userId: string): Promise<number> {
  return (await messages().where({ recipientId: userId, unread: true }).count()).total as number
}
