import { z } from 'zod'
import { Delivery, NoticeKind } from './notice.schema'
import { RequestAction } from './request.schema'
import { ProposalAction, TopicAction } from './council.schema'
import { WishAction } from './wish.schema'

const Id = z.string().min(1).max(64)

/**
 * One notification: written to the `messages` outbox (the 消息 page reads it in every environment);
 * where a subscription is left it also goes out as a subscribe message. `_id` is
 * `${eventId}>${recipientId}`, so a retried delivery cannot send it twice.
 */
export const Message = z.object({
  _id: z.string().min(1).max(160),
  recipientId: Id,
  /** Residents open their progress page; staff open the workbench. */
  audience: z.enum(['resident', 'staff']),
  /** The request it is about; a binding or party registration waiting for review names none. */
  requestId: Id.optional(),
  /** The wish it is about (微心愿). */
  wishId: Id.optional(),
  /** The topic or proposal it is about (邻里议事厅). */
  topicId: Id.optional(),
  proposalId: Id.optional(),
  /** The page a tap opens, for a notice that is not about a request. */
  page: z.string().max(200).optional(),
  action: z.union([
    z.literal('file'), z.literal('post'), z.literal('bindingWaiting'), z.literal('registrationWaiting'),
    z.literal('open'), z.literal('propose'), z.literal('ballotReceipt'), z.literal('assistedWaiting'), z.literal('commentHidden'),
    z.literal('bindingDecided'), z.literal('registrationDecided'),
    RequestAction, WishAction, TopicAction, ProposalAction,
  ]),
  kind: NoticeKind,
  title: z.string().max(40),
  body: z.string().max(200),
  at: z.number().int().nonnegative(),
  /** Whether it also went out as a WeChat subscribe message; set by the notifier. */
  delivery: Delivery.optional(),
  /**
   * Written true; the 消息 page marks what it showed (requests.markMessagesRead) false, server-side so
   * it holds on every device. A message from before unread existed has none and counts as read.
   */
  unread: z.boolean().optional(),
  readAt: z.number().int().nonnegative().optional(),
})
export type Message = z.infer<typeof Message>

/**
 * What a message asks its reader to do, and where that stands now on the item it is about: `waiting`
 * (the button shows), `done` (the reader did it: 已评价, 已确认; for staff's `review`, anyone with the
 * right decided it: 已处理), `moot` (nothing to do any more: the request was reopened or closed unrated,
 * the wish confirmed by the grid worker or taken back, the application gone).
 */
export const MessageTodo = z.object({ act: z.enum(['rate', 'confirm', 'review']), state: z.enum(['waiting', 'done', 'moot']) })
export type MessageTodo = z.infer<typeof MessageTodo>

/** A message as its recipient reads it on 消息. */
export const MessageView = Message.omit({ recipientId: true, unread: true, readAt: true }).extend({
  unread: z.boolean(),
  todo: MessageTodo.optional(),
})
export type MessageView = z.infer<typeof MessageView>

export { messagePage } from './message-page'
