import { rateWindowAt, type Allowance } from '../rate-limits'

/**
 * Issue 10's limit on changing one's vote (core/rate-limits.ts `voteChange`), kept on the ballot
 * itself: the change's own conditional update counts it and refuses it over the limit, so a vote needs
 * no rate counter of its own (issue 11: ≤ 3 requests a vote). Counted per ballot — the unit's vote on
 * one topic, whoever of the household changes it — in the same windows as every limit: the Beijing
 * day and its clock hour. The first vote is never counted. Each window is a key of the ballot's
 * `changeCounts`, so one update counts a change whatever window the previous one fell in; a ballot
 * lives for one voting window, so its keys stay few (a day's hours with a change, and the day).
 */
export type ChangeCounts = Record<string, number>

export function changeWindowAt(now: number): { dayKey: string; hourKey: string; hourEndsAt: number; dayEndsAt: number } {
  const window = rateWindowAt(now)
  return { dayKey: `d${window.day}`, hourKey: `d${window.day}${window.hourField}`, hourEndsAt: window.hourEndsAt, dayEndsAt: window.dayEndsAt }
}

/** When one more change of this ballot fits again, or null if it fits now: the next day when the day is full, else the next hour. */
export function changeRetryAt(counts: ChangeCounts | undefined, now: number, allowance: Allowance): number | null {
  const window = changeWindowAt(now)
  if ((counts?.[window.dayKey] ?? 0) >= allowance.perDay) return window.dayEndsAt
  if ((counts?.[window.hourKey] ?? 0) >= allowance.perHour) return window.hourEndsAt
  return null
}
