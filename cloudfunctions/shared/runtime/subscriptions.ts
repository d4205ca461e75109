import { z } from 'zod'
import type { NoticeKind } from '../../../types/notice.schema'
import { database } from './cloudbase'
import { Collections } from './collections'
import { isDuplicateWrite } from './database-errors'
import { findMany } from './documents'

/**
 * What each person has accepted of each template: one-time subscriptions (一次性订阅) are a count,
 * one message per accepted tap (订阅消息 docs: 用户订阅一次，开发者可下发一条). The client reports
 * what the person accepted; a notice spends one, atomically, before it is sent. `always` records
 * that the person ticked 总是保持以上选择 (getSetting's subscriptionsSetting), so the app may ask
 * without a prompt and keep the count topped up at their taps.
 */
export const Subscription = z.object({
  _id: z.string(),
  userId: z.string(),
  templateId: z.string(),
  kind: z.string(),
  remaining: z.number().int().nonnegative(),
  always: z.boolean(),
  updatedAt: z.number(),
})
export type Subscription = z.infer<typeof Subscription>

const idOf = (userId: string, templateId: string) => `${userId}~${templateId}`
const subscriptions = () => database().collection(Collections.subscriptions)

/** One more message allowed per accepted tap; `always` follows the person's latest answer. */
export async function grant(userId: string, template: { kind: NoticeKind; templateId: string }, always: boolean, now: number): Promise<void> {
  const _ = database().command
  const _id = idOf(userId, template.templateId)
  const bump = () => subscriptions().doc(_id).update({ remaining: _.inc(1), always, updatedAt: now })
  if ((await bump()).updated === 1) return
  const first: Subscription = { _id, userId, templateId: template.templateId, kind: template.kind, remaining: 1, always, updatedAt: now }
  try {
    await subscriptions().add(first)
  } catch (error) {
    // Two taps reported at once: the other one created it, so this one is an increment after all.
    if (!isDuplicateWrite(error)) throw error
    await bump()
  }
}

/** Takes one message's worth, or answers false when none is left; never below zero, however many race. */
export async function spend(userId: string, templateId: string): Promise<boolean> {
  const _ = database().command
  const result = await subscriptions()
    .where({ _id: idOf(userId, templateId), remaining: _.gt(0) })
    .update({ remaining: _.inc(-1) })
  return result.updated === 1
}

/**
 * Of these user × template pairs, the ones with something left to spend, in one read: a wish
 * published to a branch of fifty members whose counts are mostly zero then costs one read and a spend
 * per member who has one, not fifty conditional updates. A count that changes after the read is
 * still spent atomically (spend), so the read only saves requests, never decides a send.
 */
export async function withSomethingLeft(pairs: readonly { userId: string; templateId: string }[]): Promise<Set<string>> {
  const ids = [...new Set(pairs.map((p) => idOf(p.userId, p.templateId)))]
  if (ids.length === 0) return new Set()
  const _ = database().command
  const left = await findMany(Collections.subscriptions, { _id: _.in(ids), remaining: _.gt(0) }, Subscription, { limit: ids.length })
  return new Set(left.map((sub) => idOf(sub.userId, sub.templateId)))
}

export const subscriptionKey = idOf

/** A send that failed for a reason of ours (not the person's choice) gives the message back. */
export async function refund(userId: string, templateId: string): Promise<void> {
  const _ = database().command
  await subscriptions().doc(idOf(userId, templateId)).update({ remaining: _.inc(1) })
}

/** WeChat said there is nothing to spend (43101): our count was wrong, so it becomes WeChat's. */
export async function exhaust(userId: string, templateId: string): Promise<void> {
  await subscriptions().doc(idOf(userId, templateId)).update({ remaining: 0 })
}

export function subscriptionsOf(userId: string): Promise<Subscription[]> {
  return findMany(Collections.subscriptions, { userId }, Subscription, { limit: 50 })
}
