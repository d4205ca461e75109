import { z } from 'zod'

/**
 * The kinds of notice a person can subscribe to, one subscribe-message template each (订阅消息: a
 * template has a fixed title and keywords, so one template cannot carry every kind, and each accepted
 * one-time subscription allows exactly one message of that template).
 * - accepted  受理: a resident's request reached its owner (or was held, or returned)
 * - progress  进度: transfers, escalations, referral and other steps a resident follows
 * - replied   办结待评价: the answer is in and waits for the resident's rating
 * - newWork   新派单: dispatch, transfer, escalation or a reopen lands on a worker
 * - alert     催办/督办: a deadline is near or passed
 * - review    待审核: a held filing, a binding or a party registration waits for a decision
 */
export const noticeKinds = ['accepted', 'progress', 'replied', 'newWork', 'alert', 'review'] as const
export const NoticeKind = z.enum(noticeKinds)
export type NoticeKind = z.infer<typeof NoticeKind>

/** What everyone hears about their own requests. */
export const residentNoticeKinds: readonly NoticeKind[] = ['accepted', 'progress', 'replied']
/** What staff hear about their work: new work, deadlines, things waiting for their decision. */
export const staffNoticeKinds: readonly NoticeKind[] = ['newWork', 'alert', 'review']

/** What happened to a notice's subscribe message; the notice itself is always on the 消息 page. */
export const Delivery = z.enum(['sent', 'noQuota', 'noTemplate', 'failed'])
export type Delivery = z.infer<typeof Delivery>
