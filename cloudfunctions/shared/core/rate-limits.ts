import { z } from 'zod'
import { dayStamp, startOfNextShanghaiDay } from '../../../types/calendar'

const HOUR_MS = 3_600_000

/**
 * What one person may do how often (issue 10 finding 6: "one resident filed 300 requests in 6 s, each
 * notifying the owner"). Each kind is counted per person in two fixed windows of Beijing time: the
 * clock hour and the day. The figures are ours (the issue was silent); each is set well above what the
 * busiest real person does, so only a script or a stuck button meets it.
 */
export const LimitedAction = z.enum(['file', 'fileForOthers', 'wish', 'comment', 'proposal', 'cosign', 'voteChange', 'photo'])
export type LimitedAction = z.infer<typeof LimitedAction>

export type Allowance = { perHour: number; perDay: number }
export type RateLimits = Record<LimitedAction, Allowance>

export const defaultRateLimits: RateLimits = {
  // A resident with a bad week files two or three things; ten in one hour is a whole building's
  // complaints typed in one sitting, and a day's thirty more than any household has ever had.
  file: { perHour: 10, perDay: 30 },
  // 代办 and 主动治理: a grid worker on a door-to-door round (入户走访) or a patrol files for many
  // households in a row — a long morning of 40 doors, with some to spare.
  fileForOthers: { perHour: 60, perDay: 200 },
  // A household holds at most 2 open wishes anyway (wishes.settings); these only stop a loop of
  // posts that are refused or withdrawn at once.
  wish: { perHour: 5, perDay: 10 },
  // A lively 议事厅 discussion: a reply every two minutes for an hour is a lot for one person.
  comment: { perHour: 30, perDay: 100 },
  // A proposal is a considered thing; five in a day is already a campaign.
  proposal: { perHour: 3, perDay: 5 },
  // One co-signature per household and proposal already; this stops sweeping every open proposal by script.
  cosign: { perHour: 30, perDay: 100 },
  // The first vote is never counted; changing one's mind ten times an hour is a button held down.
  voteChange: { perHour: 10, perDay: 30 },
  // Photos kept with an item (at most 9 each). Every one goes to WeChat's media check (a quota of its
  // own) and is signed for viewers: a worker's busy day of replies with photos is well under 300.
  photo: { perHour: 100, perDay: 300 },
}

const Count = z.number().int().min(1).max(100_000)
/** A deployment's overrides (RATE_LIMITS), checked when the settings load. */
export const RateLimitOverrides = z.partialRecord(LimitedAction, z.strictObject({ perHour: Count.optional(), perDay: Count.optional() }))
export type RateLimitOverrides = z.infer<typeof RateLimitOverrides>

/**
 * For the stories and benches that act as one persona dozens of times a second — a flood by the
 * figures above. Only test/integration/rate-limits.test.ts and the product itself run the real ones.
 */
export const unlimitedRateLimits: RateLimitOverrides = Object.fromEntries(LimitedAction.options.map((action) => [action, { perHour: 100_000, perDay: 100_000 }]))

export function rateLimitsConfig(overrides: unknown = {}, base: RateLimits = defaultRateLimits): RateLimits {
  const parsed = RateLimitOverrides.parse(overrides)
  return Object.fromEntries(LimitedAction.options.map((action) => [action, { ...base[action], ...parsed[action] }])) as RateLimits
}

/** The 24 hour counters of a day, `h00`..`h23` (Beijing clock hours). */
export const hourFields = Array.from({ length: 24 }, (_, hour) => `h${String(hour).padStart(2, '0')}`)

/**
 * The windows an action at `now` falls into: the Beijing day (as 20250305, a number so days compare)
 * and its clock hour. Beijing is UTC+8 all year, so its hours begin where UTC's do.
 */
export type RateWindow = { day: number; hourField: string; hourEndsAt: number; dayEndsAt: number }

export function rateWindowAt(now: number): RateWindow {
  const hourEndsAt = Math.floor(now / HOUR_MS) * HOUR_MS + HOUR_MS
  const dayEndsAt = startOfNextShanghaiDay(now)
  const hour = 23 - Math.round((dayEndsAt - hourEndsAt) / HOUR_MS)
  return { day: Number(dayStamp(now)), hourField: hourFields[hour], hourEndsAt, dayEndsAt }
}

/** One person's counts of one kind on one day: the day's total and each hour's. */
export type DayCounts = { day: number; total: number; hours: Record<string, number> }

export function fits(counts: DayCounts, window: RateWindow, allowance: Allowance, amount = 1): boolean {
  if (counts.day !== window.day) return amount <= allowance.perHour && amount <= allowance.perDay
  return counts.total + amount <= allowance.perDay && (counts.hours[window.hourField] ?? 0) + amount <= allowance.perHour
}

/** When `amount` more fits again: the next day if the day is full, else the next hour. */
export function retryAtOf(counts: DayCounts, window: RateWindow, allowance: Allowance, amount = 1): number {
  return counts.day === window.day && counts.total + amount > allowance.perDay ? window.dayEndsAt : window.hourEndsAt
}
