import { dayLine, noonOfDay } from '@/types/calendar'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** `neededBy` is the end of the day the resident picked (wish-times neededByOf): the day shown is the one before it ends. */
export const neededByDay = (neededBy: number): number => neededBy - 1

export const neededByLine = (neededBy: number): string => `${dayLine(neededByDay(neededBy))}前需要`

/** The form's first offer: a week from today, time enough for review and a claim. */
export const defaultNeededBy = (now: number): number => noonOfDay(now) + 7 * DAY_MS

/**
 * The furthest day the picker offers: the server refuses a day whose end is more than 366 days
 * ahead (post.use-case LONGEST_AHEAD_MS), so 365 days from today is always inside it.
 */
export const latestNeededBy = (now: number): number => noonOfDay(now) + 365 * DAY_MS
