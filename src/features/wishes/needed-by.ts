import { dayLine, dayStamp, startOfShanghaiDay } from '@/types/calendar'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** `neededBy` is the end of the day the resident picked (wish-times neededByOf): the day shown is the one before it ends. */
export const neededByDay = (neededBy: number): number => neededBy - 1

export const neededByLine = (neededBy: number): string => `${dayLine(neededByDay(neededBy))}前需要`

/**
 * What the form sends for a day: noon in Beijing. The contract takes any instant of the day; noon is
 * twelve hours from either edge, so no clock running a little off ever lands it on a neighbouring day.
 */
export const noonOfDay = (at: number): number => startOfShanghaiDay(at) + 12 * HOUR_MS

/** The form's first offer: a week from today, time enough for review and a claim. */
export const defaultNeededBy = (now: number): number => noonOfDay(now) + 7 * DAY_MS

/**
 * The furthest day the picker offers: the server refuses a day whose end is more than 366 days
 * ahead (post.use-case LONGEST_AHEAD_MS), so 365 days from today is always inside it.
 */
export const latestNeededBy = (now: number): number => noonOfDay(now) + 365 * DAY_MS

/** Taro's date picker speaks YYYY-MM-DD; the Beijing day's stamp (YYYYMMDD) is cut into that shape. */
export function pickerDate(at: number): string {
  const stamp = dayStamp(at)
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6)}`
}

/**
 * The picker's YYYY-MM-DD back to noon of that Beijing day. 20:00 Beijing (12:00 UTC) of the date
 * is inside that day whatever zone this device keeps, and noonOfDay takes the day from there.
 */
export function noonOfPickerDate(value: string): number | null {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!parts) return null
  return noonOfDay(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]), 12))
}
