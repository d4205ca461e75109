import type { Message } from '../../../types/request.schema'
import { database } from './cloudbase'
import { Collections } from './collections'
import { insertIgnoringDuplicates } from './insert-once'
import type { Notifier } from './notifications'

/** Every message into `messages`, once: a redelivery of the same event finds its `_id` taken. */
export function outboxNotifier(): Notifier {
  return {
    async deliver(messages) {
      await insertIgnoringDuplicates(database().collection(Collections.messages), messages as Message[])
    },
  }
}
