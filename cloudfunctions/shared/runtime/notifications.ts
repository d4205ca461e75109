import { messagePage, type Delivery, type Message } from '../../../types'
import { subscribeTimeValue } from '../../../types/calendar'
import { database } from './cloudbase'
import { Collections } from './collections'
import { insertIgnoringDuplicates } from './insert-once'
import { settings, type NoticeTemplate } from './settings'
import { exhaust, refund, spend, subscriptionKey, withSomethingLeft } from './subscriptions'
import { CloudCallError, NO_SUBSCRIPTION, sendSubscribeMessage } from './wechat'

/**
 * Delivering notices. Every notice lands in `messages` (the 消息 page and the workbench read it), once:
 * a redelivery of the same event finds its `_id` taken and sends nothing. A newly written notice whose
 * kind has a template is then pushed as a subscribe message if its recipient has a subscription left:
 * one is spent first (atomically), given back if the send fails on our side, and zeroed if WeChat says
 * there was none (43101). Its `delivery` says which happened. Nothing here fails the action.
 * A crash after the write and before the push leaves it `noQuota`: on the 消息 page, not pushed.
 * Many at once (a topic of 10,000 voters) go in slices the database takes in one insert each.
 */
export async function deliver(messages: readonly Message[]): Promise<void> {
  if (messages.length <= SLICE) return deliverSlice(messages)
  const slices = Array.from({ length: Math.ceil(messages.length / SLICE) }, (_, i) => messages.slice(i * SLICE, (i + 1) * SLICE))
  await Promise.all(slices.map(deliverSlice))
}

/**
 * The messages of a step already committed, made (their recipients read, perhaps beside the write)
 * and delivered: a failure is logged under `label`, not answered — the caller retrying would only
 * meet a CONFLICT, and the step stands without its notices.
 */
export async function deliverCommitted(messages: Promise<readonly Message[]>, label: string): Promise<void> {
  try {
    await deliver(await messages)
  } catch (error) {
    console.error(label, error)
  }
}

const SLICE = 500

async function deliverSlice(messages: readonly Message[]): Promise<void> {
  const { templates } = settings()
  const pushable = messages.flatMap((message) => {
    const template = templates[message.kind]
    return template ? [{ message, template }] : []
  })
  // The write that tells a new notice from a redelivery and the spend of its subscription go out
  // together: one round trip, not two. A spend for a notice already written (a redelivery) is given
  // back, so a subscription still pays for one push per notice. Written as not pushed; only a notice
  // that is pushed costs a second write: most recipients have nothing left most of the time.
  const [inserted, spending] = await Promise.allSettled([
    insertIgnoringDuplicates(
      database().collection(Collections.messages),
      messages.map((message) => ({ ...message, unread: true, delivery: templates[message.kind] ? ('noQuota' as const) : ('noTemplate' as const) })),
    ),
    spendFor(pushable),
  ])
  const spent = spending.status === 'fulfilled' ? spending.value : []
  const written = new Set(inserted.status === 'fulfilled' ? inserted.value.map((message) => message._id) : [])
  await Promise.all(
    spent.map(async ({ message, template }) => {
      if (!written.has(message._id)) return refund(message.recipientId, template.templateId).catch(() => undefined)
      const delivery = await push(message, template)
      if (delivery !== 'noQuota') await database().collection(Collections.messages).doc(message._id).update({ delivery })
    }),
  )
  if (inserted.status === 'rejected') throw inserted.reason
  if (spending.status === 'rejected') console.warn('[subscribeMessage.spend]', spending.reason)
}

type Pushable = { message: Message; template: NoticeTemplate }

/**
 * The notices whose recipient had a subscription left, each spent (atomically). Several at once (a
 * wish published to a branch): one read finds who has anything left, so only they cost a spend. One
 * alone is spent directly: the spend is as cheap as the read.
 */
async function spendFor(pushable: readonly Pushable[]): Promise<Pushable[]> {
  const left = pushable.length > 1 ? await withSomethingLeft(pushable.map(({ message, template }) => ({ userId: message.recipientId, templateId: template.templateId }))) : null
  const spent = await Promise.all(
    pushable.map(async (each) => {
      if (left && !left.has(subscriptionKey(each.message.recipientId, each.template.templateId))) return null
      // A spend that errs counts as none: the notice stays on the 消息 page, not pushed.
      const took = await spend(each.message.recipientId, each.template.templateId).catch(() => false)
      return took ? each : null
    }),
  )
  return spent.filter((each): each is Pushable => each !== null)
}

/** Sends one message whose subscription is already spent. */
async function push(message: Message, template: NoticeTemplate): Promise<Delivery> {
  try {
    await sendSubscribeMessage({
      touser: message.recipientId,
      templateId: template.templateId,
      page: pageOf(message),
      data: {
        [template.keys.subject]: keyword(message.title),
        [template.keys.detail]: keyword(message.body),
        [template.keys.time]: subscribeTimeValue(message.at),
      },
      ...(settings().miniprogramState && { miniprogramState: settings().miniprogramState! }),
    })
    return 'sent'
  } catch (error) {
    if (error instanceof CloudCallError && error.errCode === NO_SUBSCRIPTION) {
      await exhaust(message.recipientId, template.templateId)
      return 'noQuota'
    }
    console.warn('[subscribeMessage.send]', message._id, error)
    await refund(message.recipientId, template.templateId).catch(() => undefined)
    return 'failed'
  }
}

/** The page a tap on the pushed message opens (types/message.schema.ts messagePage), else 消息. */
const pageOf = (message: Message): string => messagePage(message) ?? 'pages/messages/index'

/** thing.DATA takes at most 20 characters (订阅消息 keyword rules); longer text is cut with an ellipsis. */
function keyword(text: string): string {
  const characters = [...text]
  return characters.length <= 20 ? text : `${characters.slice(0, 19).join('')}…`
}
