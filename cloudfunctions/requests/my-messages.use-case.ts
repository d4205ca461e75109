import { z } from 'zod'
import { Message, RequestStatus, success, WishStatus, type MessageTodo, type MessageView } from '../../types'
import { confirmState, rateState, settled, todoItemOf } from '../shared/core/message/message-todo'
import { Collections } from '../shared/runtime/collections'
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
    const words = todo && todo.state !== 'waiting' ? settled(message, todo.act) : {}
    return { ...message, ...words, unread: unread === true, ...(todo ? { todo } : {}) }
  })
  return success(page(views, offset, input.limit))
}

const RateFacts = z.object({ _id: z.string(), status: RequestStatus, rating: z.unknown() })
const ConfirmFacts = z.object({ _id: z.string(), status: WishStatus, confirmation: z.object({ via: z.string() }).nullable() })

/**
 * Each call to action as its item stands now, for one page of messages: one read of the requests and
 * one of the wishes the page asks about (never one per message), only the fields the state needs.
 */
async function todoStates(page: readonly Message[]): Promise<Map<string, MessageTodo>> {
  const items = page.flatMap((message) => {
    const item = todoItemOf(message)
    return item ? [{ messageId: message._id, item }] : []
  })
  const requestIds = [...new Set(items.flatMap(({ item }) => (item.act === 'rate' ? [item.requestId] : [])))]
  const wishIds = [...new Set(items.flatMap(({ item }) => (item.act === 'confirm' ? [item.wishId] : [])))]
  const _ = database().command
  const [requests, wishes] = await Promise.all([
    requestIds.length === 0 ? [] : findMany(Collections.requests, { _id: _.in(requestIds) }, RateFacts, { fields: { _id: true, status: true, rating: true } }),
    wishIds.length === 0 ? [] : findMany(Collections.wishes, { _id: _.in(wishIds) }, ConfirmFacts, { fields: { _id: true, status: true, confirmation: true } }),
  ])
  const rate = new Map(requests.map((request) => [request._id, rateState(request)]))
  const confirm = new Map(wishes.map((wish) => [wish._id, confirmState(wish)]))
  const states = new Map<string, MessageTodo>()
  for (const { messageId, item } of items) {
    const state = item.act === 'rate' ? rate.get(item.requestId) : confirm.get(item.wishId)
    // An item gone from the database asks nothing any more.
    states.set(messageId, { act: item.act, state: state ?? 'moot' })
  }
  return states
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
