import type { Message } from '../../../types/request.schema'
import type { cloudbaseApp } from './cloudbase'
import type { Notifier } from './notifications'
import type { SubscribeTemplate } from './settings'

type App = ReturnType<typeof cloudbaseApp>

/** thing.DATA keywords take at most 20 characters; time.DATA is `YYYY-MM-DD HH:mm` (订阅消息 keyword rules). */
const thing = (text: string) => ([...text].length <= 20 ? text : `${[...text].slice(0, 19).join('')}…`)
const shanghai = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
})

/**
 * subscribeMessage.send (POST /cgi-bin/message/subscribe/send) through the SDK's WeChat open-API call.
 * A resident who did not tap 允许 at filing has no quota (errcode 43101): that is their choice, not a
 * failure, and the outbox still holds the message for the 消息 page. Nothing here fails the action.
 */
export function subscribeMessageNotifier(app: App, template: SubscribeTemplate): Notifier {
  const send = async (message: Message) => {
    try {
      const response = await app.callWxOpenApi({
        apiName: '/cgi-bin/message/subscribe/send',
        requestData: {
          touser: message.recipientId,
          template_id: template.templateId,
          page: template.page.replace('{requestId}', encodeURIComponent(message.requestId)),
          data: {
            [template.fields.title]: { value: thing(message.title) },
            [template.fields.body]: { value: thing(message.body) },
            [template.fields.time]: { value: shanghai.format(message.at) },
          },
        },
      })
      const errcode = (response as { result?: { errcode?: number } }).result?.errcode
      if (errcode !== 0 && errcode !== 43101) console.warn('[subscribeMessage.send]', message._id, errcode)
    } catch (error) {
      console.warn('[subscribeMessage.send]', message._id, error)
    }
  }
  return {
    async deliver(messages) {
      await Promise.all(messages.map(send))
    },
  }
}
