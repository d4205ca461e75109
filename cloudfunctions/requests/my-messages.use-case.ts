import { Message, success } from '../../types'
import { Collections } from '../shared/runtime/collections'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { database } from '../shared/runtime/cloudbase'
import { offsetOf, page } from '../shared/runtime/paging'

/** The 消息 page: what the outbox holds for the caller, newest first. */
export const myMessages: ActionHandler<'requests', 'myMessages'> = async (input, { actor }) => {
  const offset = offsetOf(input.cursor)
  const { data } = await database()
    .collection(Collections.messages)
    .where({ recipientId: actor.userId })
    .orderBy('at', 'desc')
    .skip(offset)
    .limit(input.limit + 1)
    .get()
  const fetched = (data as unknown[]).map((doc) => Message.omit({ recipientId: true }).parse(doc))
  return success(page(fetched, offset, input.limit))
}
