import { z } from 'zod'
import { startOfNextShanghaiDay } from '../../../../types/calendar'
import { WishCategory, type Wish, type WishClaim, type WishFulfilment } from '../../../../types/wish.schema'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** Issue 7: "the timer reminds the claimer 24 h before" the claim lapses. Fixed by the issue, not configurable. */
export const LAPSE_REMINDER_MS = 24 * HOUR_MS
/** Issue 7: "No confirmation within 7 days: the grid worker is asked to check". Fixed by the issue. */
export const CONFIRM_CHECK_MS = 7 * DAY_MS

export type WishConfig = {
  /** Issue 7: a claim's lock is "configurable per category, default 7 days". */
  lockDays: Record<WishCategory, number>
  /** Issue 7: "if unclaimed after a configurable time (default 3 days) it widens". */
  widenAfterDays: number
}

export const defaultWishConfig: WishConfig = {
  lockDays: { life: 7, elderlyDisabled: 7, study: 7, health: 7, goods: 7, other: 7 },
  widenAfterDays: 3,
}

/** Whole minutes at least, so a lock or a widening never lands inside the same timer tick; at most a season. */
const Days = z.number().min(1 / (24 * 60)).max(90)

/** A deployment's overrides, checked when the config loads: a nonsensical value fails then, not at 3 a.m. */
export const WishConfigOverrides = z.strictObject({
  lockDays: z.partialRecord(WishCategory, Days).optional(),
  widenAfterDays: Days.optional(),
})
export type WishConfigOverrides = z.infer<typeof WishConfigOverrides>

export function wishConfig(overrides: unknown = {}, base: WishConfig = defaultWishConfig): WishConfig {
  const parsed = WishConfigOverrides.parse(overrides)
  return {
    lockDays: { ...base.lockDays, ...parsed.lockDays },
    widenAfterDays: parsed.widenAfterDays ?? base.widenAfterDays,
  }
}

/** A resident picks a day: "needed by 3月10日" means through the end of that day in Beijing time. */
export const neededByOf = (dayAt: number): number => startOfNextShanghaiDay(dayAt)

/** Issue 7: the lock runs the category's days from the claim, "never past the needed-by date". */
export const lockUntilOf = (wish: Pick<Wish, 'category' | 'neededBy'>, now: number, config: WishConfig = defaultWishConfig): number =>
  Math.min(now + config.lockDays[wish.category] * DAY_MS, wish.neededBy)

/** Stored on the wish when it is published, so the machine checks widening without the config. */
export const widenAtOf = (publishedAt: number, config: WishConfig = defaultWishConfig): number =>
  publishedAt + config.widenAfterDays * DAY_MS

/**
 * 24 h before the lock runs out, or null when the lock is shorter than that: the claimer was shown
 * the deadline as they claimed, and a reminder at the moment of claiming tells them nothing.
 */
export function lapseReminderAt(claim: Pick<WishClaim, 'at' | 'lockUntil'>): number | null {
  const at = claim.lockUntil - LAPSE_REMINDER_MS
  return at > claim.at ? at : null
}

export const confirmCheckAt = (fulfilment: Pick<WishFulfilment, 'at'>): number => fulfilment.at + CONFIRM_CHECK_MS

export type WishTimerStep = 'widen' | 'remindLapse' | 'lapse' | 'askToCheck' | 'expire'
type Timed = Pick<Wish, 'status' | 'audience' | 'widenAt' | 'claim' | 'fulfilment' | 'checkAskedAt' | 'neededBy'>

/**
 * What the timer does to one wish now, each at most once: widen an unclaimed wish, remind the
 * claimer, lapse the claim once its lock has run out (lapse wins over a reminder it overtook: the
 * claim is gone), ask the grid worker to check an unconfirmed fulfilment, and expire a wish nobody
 * reviewed or claimed by its needed-by day (expiry wins over a widening it overtook).
 */
export function wishTimerStep(wish: Timed, now: number): WishTimerStep | null {
  if (wish.status === 'inReview') return now >= wish.neededBy ? 'expire' : null
  if (wish.status === 'published') {
    if (now >= wish.neededBy) return 'expire'
    return wish.audience === 'branch' && wish.widenAt !== null && now >= wish.widenAt ? 'widen' : null
  }
  if (wish.status === 'claimed' && wish.claim) {
    if (now >= wish.claim.lockUntil) return 'lapse'
    const remindAt = lapseReminderAt(wish.claim)
    return wish.claim.remindedAt === null && remindAt !== null && now >= remindAt ? 'remindLapse' : null
  }
  if (wish.status === 'fulfilled' && wish.fulfilment) {
    return wish.checkAskedAt === null && now >= confirmCheckAt(wish.fulfilment) ? 'askToCheck' : null
  }
  return null
}

/** When the timer next has something to do for this wish, or null: stored and indexed, as requests' timerDueAt is. */
export function wishTimerDueAt(wish: Timed): number | null {
  if (wish.status === 'inReview') return wish.neededBy
  if (wish.status === 'published') return wish.audience === 'branch' && wish.widenAt !== null ? Math.min(wish.widenAt, wish.neededBy) : wish.neededBy
  if (wish.status === 'claimed' && wish.claim) {
    const remindAt = lapseReminderAt(wish.claim)
    return wish.claim.remindedAt === null && remindAt !== null ? remindAt : wish.claim.lockUntil
  }
  if (wish.status === 'fulfilled' && wish.fulfilment) return wish.checkAskedAt === null ? confirmCheckAt(wish.fulfilment) : null
  return null
}
