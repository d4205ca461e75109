import dayjs, { type Dayjs } from 'dayjs'
import 'dayjs/locale/zh-cn'
import utc from 'dayjs/plugin/utc'

/**
 * Every date a resident or a worker reads, and every calendar day the code counts, in Beijing time
 * (Asia/Shanghai), wherever the code runs: the functions run in UTC, the H5 build in whatever zone
 * the browser has. Pure: each function takes the instant (and `now`) it needs, never reads the clock.
 *
 * Beijing time is UTC+8 all year: China last changed its clocks in 1991 (国务院办公厅《关于暂停实行
 * 夏时制的通知》, 1992-03-06; IANA tzdata's Asia/Shanghai has no rule after 1991). So an instant's
 * wall-clock in Shanghai is that instant plus 8 hours read as UTC: `dayjs.utc(at + 8h)` (and back,
 * minus 8 hours). We do not use the timezone plugin (`.tz('Asia/Shanghai')`) nor `utcOffset(480)`:
 * - `.tz` rests on `Intl.DateTimeFormat` with `timeZone`, which WeChat's JS engine on Android gets
 *   wrong: the same `.tz('Asia/Shanghai')` call gives the UTC date there and the right one on iOS
 *   (iamkun/dayjs#2635; the maintainers' answer is "use a polyfill");
 * - both `.tz` and `utcOffset` shift by the *host* zone's offset and go an hour wrong when the host
 *   observes daylight saving (iamkun/dayjs#2218, #2303, #2553) — an H5 browser in New York or
 *   Adelaide. Checked: with TZ=America/New_York, `dayjs(2025-11-02T05:30Z).utcOffset(480)` reads
 *   12:30 and `.tz('Asia/Shanghai').startOf('day')` lands on 15:00Z; the UTC reading is right.
 * A UTC-mode dayjs uses only the `getUTC*` getters, so it needs no Intl and no host zone.
 *
 * zh-cn is the locale for any word dayjs itself writes (星期三, 上午); the lines below spell their
 * Chinese in the format strings, so they read the same under any locale.
 */
dayjs.extend(utc)
dayjs.locale('zh-cn')

const SHANGHAI_OFFSET_MS = 8 * 3_600_000
const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000

/** The Shanghai wall-clock of an instant, as a UTC-mode dayjs (its fields are Beijing time). */
const wall = (at: number): Dayjs => dayjs.utc(at + SHANGHAI_OFFSET_MS)
const instantOf = (clock: Dayjs): number => clock.valueOf() - SHANGHAI_OFFSET_MS

/** 3月5日 14:00: a time on a calendar on the wall — deadlines, timelines, detail pages. */
export const dateTimeLine = (at: number): string => wall(at).format('M月D日 HH:mm')

/** 14:05: the time of day alone, for a moment today (请 21:05 以后再试). */
export const clockLine = (at: number): string => wall(at).format('HH:mm')

/** 2025年3月5日: a day, with its year — when something was applied for or filed. */
export const dayLine = (at: number): string => wall(at).format('YYYY年M月D日')

/**
 * A subscribe message's `time` keyword (订阅消息 time.DATA: "24小时制时间格式（支持+年月日）", e.g.
 * "2019年10月1日 15:01", subscribeMessage.send's 参数值内容限制; WeChat's own template samples and
 * answers on its forum pad month and day: "2008年02月08日 01:01", no seconds). 2025年03月05日 14:00.
 */
export const subscribeTimeValue = (at: number): string => wall(at).format('YYYY年MM月DD日 HH:mm')

/** 20250305: the Shanghai day as eight digits, for keys and storage paths that sort by day. */
export const dayStamp = (at: number): string => wall(at).format('YYYYMMDD')

/** The instant Shanghai's day holding `at` began (00:00 Beijing time). */
export const startOfShanghaiDay = (at: number): number => instantOf(wall(at).startOf('day'))

/** The instant the Shanghai day after the one holding `at` begins: the open end of "today". */
export const startOfNextShanghaiDay = (at: number): number => instantOf(wall(at).startOf('day').add(1, 'day'))

/** The instant Shanghai's calendar month holding `at` began: rankings count by the month residents know. */
export const startOfShanghaiMonth = (at: number): number => instantOf(wall(at).startOf('month'))

/** The instant the Shanghai month after the one holding `at` begins: the open end of "this month". */
export const startOfNextShanghaiMonth = (at: number): number => instantOf(wall(at).startOf('month').add(1, 'month'))

/**
 * What the form sends for a day: noon in Beijing. The contract takes any instant of the day; noon is
 * twelve hours from either edge, so no clock running a little off ever lands it on a neighbouring day.
 */
export const noonOfDay = (at: number): number => startOfShanghaiDay(at) + 12 * HOUR_MS

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

/** The last `days` whole Shanghai days up to the end of today, as a period [from, to). */
export function lastShanghaiDays(days: number, now: number): { from: number; to: number } {
  const end = wall(now).startOf('day').add(1, 'day')
  return { from: instantOf(end.subtract(days, 'day')), to: instantOf(end) }
}

/**
 * When something happened, as a list says it, relative to `now`:
 * - within a minute either way (a phone's clock runs a little off the server's): 刚刚;
 * - under an hour: 5分钟前; earlier the same Shanghai day: 3小时前 (whole minutes, whole hours);
 * - the Shanghai day before: 昨天 14:00;
 * - earlier this Shanghai year: 3月5日; before that: 2024年3月5日;
 * - more than a minute ahead of `now` (a clock far behind): the time itself, 3月5日 14:00 — a list
 *   should not say "in 3 hours" of something that has happened.
 * No space between number and unit ("3小时前", not dayjs relativeTime's zh-cn "3 小时前").
 */
export function relativeLine(at: number, now: number): string {
  const ago = now - at
  if (ago < -MINUTE_MS) return dateTimeLine(at)
  if (ago < MINUTE_MS) return '刚刚'
  if (ago < HOUR_MS) return `${Math.floor(ago / MINUTE_MS)}分钟前`
  const then = wall(at)
  const today = wall(now).startOf('day')
  if (!then.isBefore(today)) return `${Math.floor(ago / HOUR_MS)}小时前`
  if (!then.isBefore(today.subtract(1, 'day'))) return `昨天 ${then.format('HH:mm')}`
  return then.year() === today.year() ? then.format('M月D日') : dayLine(at)
}

/**
 * The last `count` Shanghai weeks, Monday 00:00 to the next Monday (the week China's calendars and
 * offices keep, GB/T 7408 / ISO 8601), oldest first; the last is the week holding `now`, still running.
 * Beijing time has no daylight saving, so every week is exactly seven days long.
 */
export function lastShanghaiWeeks(count: number, now: number): { from: number; to: number }[] {
  const today = wall(now).startOf('day')
  const monday = today.subtract((today.day() + 6) % 7, 'day')
  return Array.from({ length: count }, (_, i) => {
    const start = monday.subtract(count - 1 - i, 'week')
    return { from: instantOf(start), to: instantOf(start.add(1, 'week')) }
  })
}

/** The Shanghai month (1–12) and day of an instant: a chart's axis writes them on lines of their own. */
export const monthAndDay = (at: number): { month: number; day: number } => ({ month: wall(at).month() + 1, day: wall(at).date() })
