import type { Message } from '../../../types/request.schema'
import { cloudbaseApp } from './cloudbase'
import { outboxNotifier } from './notifications.outbox'
import { subscribeMessageNotifier } from './notifications.wechat'
import { settings } from './settings'

/**
 * Delivering notifications. The outbox (the `messages` collection) is what the 消息 page and the
 * workbench read, in every environment; production adds a WeChat subscribe message for residents.
 */
export type Notifier = { deliver(messages: readonly Message[]): Promise<void> }

let chosen: Notifier | undefined

export function notifier(): Notifier {
  chosen ??= make()
  return chosen
}

function make(): Notifier {
  const config = settings()
  const outbox = outboxNotifier()
  if (config.notify === 'outbox' || !config.subscribeTemplate) return outbox
  const push = subscribeMessageNotifier(cloudbaseApp(), config.subscribeTemplate)
  return {
    async deliver(messages) {
      await outbox.deliver(messages)
      await push.deliver(messages.filter((message) => message.audience === 'resident'))
    },
  }
}
