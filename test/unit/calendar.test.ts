import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import {
  dateTimeLine, dayLine, dayStamp, lastShanghaiDays, relativeLine, startOfNextShanghaiDay, startOfShanghaiDay, subscribeTimeValue,
} from '../../types/calendar'

/**
 * Beijing time wherever the code runs. Each instant is chosen so that its Shanghai date differs from
 * its UTC date: a formatter reading the host's zone (UTC here, in CI) fails. Host zones with daylight
 * saving are checked in a child process, the only reliable way to set TZ (before node starts).
 */
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const utc = (iso: string) => Date.parse(iso)

const lateNightUtc = utc('2025-03-03T16:30:00Z') // Shanghai: 2025-03-04 00:30
const newYearUtc = utc('2024-12-31T16:05:00Z') // Shanghai: 2025-01-01 00:05, UTC still 2024

describe('absolute lines, in Beijing time', () => {
  test.each([
    [lateNightUtc, '3月4日 00:30', '2025年3月4日', '2025年03月04日 00:30', '20250304'],
    [newYearUtc, '1月1日 00:05', '2025年1月1日', '2025年01月01日 00:05', '20250101'],
    [utc('2025-10-20T06:00:00Z'), '10月20日 14:00', '2025年10月20日', '2025年10月20日 14:00', '20251020'],
  ])('%p reads %s', (at, dateTime, day, subscribe, stamp) => {
    expect(dateTimeLine(at)).toBe(dateTime)
    expect(dayLine(at)).toBe(day)
    expect(subscribeTimeValue(at)).toBe(subscribe)
    expect(dayStamp(at)).toBe(stamp)
  })

  test('the subscribe-message time keyword has the one shape WeChat accepts: padded, minutes, no seconds', () => {
    expect(subscribeTimeValue(utc('2025-03-05T06:00:59.999Z'))).toMatch(/^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/)
  })

  test('the fixed UTC+8 agrees with the named zone (ICU tzdata, Asia/Shanghai) on every day from 1992 to 2040', () => {
    const named = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    })
    const read = (at: number) => {
      const p = Object.fromEntries(named.formatToParts(at).map((part) => [part.type, part.value]))
      return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}`
    }
    const mismatches: string[] = []
    // A day and seven hours apart: over the years every hour of the day is visited.
    for (let at = utc('1992-01-01T00:00:00Z'); at < utc('2040-12-31T00:00:00Z'); at += DAY + 7 * HOUR) {
      if (subscribeTimeValue(at) !== read(at)) mismatches.push(new Date(at).toISOString())
    }
    expect(mismatches).toEqual([])
  })
})

describe('Shanghai days', () => {
  const midnight = utc('2025-03-03T16:00:00Z') // 2025-03-04 00:00 in Shanghai

  test('a day starts at 00:00 Beijing time, 16:00 UTC the day before', () => {
    expect(startOfShanghaiDay(lateNightUtc)).toBe(midnight)
    expect(startOfShanghaiDay(midnight)).toBe(midnight)
    expect(startOfShanghaiDay(midnight - 1)).toBe(midnight - DAY)
    expect(startOfShanghaiDay(midnight + DAY - 1)).toBe(midnight)
  })

  test('the next day starts at the following Beijing midnight', () => {
    expect(startOfNextShanghaiDay(lateNightUtc)).toBe(midnight + DAY)
    expect(startOfNextShanghaiDay(midnight - 1)).toBe(midnight)
    expect(startOfNextShanghaiDay(midnight)).toBe(midnight + DAY)
  })

  test('the last N days end with the end of today in Shanghai and count whole days back', () => {
    // 00:30 on 4 March in Shanghai: "today" is 4 March, though UTC still says the 3rd.
    expect(lastShanghaiDays(7, lateNightUtc)).toEqual({ from: midnight + DAY - 7 * DAY, to: midnight + DAY })
    expect(lastShanghaiDays(1, midnight - 1)).toEqual({ from: midnight - DAY, to: midnight })
    // Across a month and a leap day: 1 March 2024 back 30 days is 31 January.
    expect(lastShanghaiDays(30, utc('2024-03-01T02:00:00Z'))).toEqual({ from: utc('2024-01-31T16:00:00Z'), to: utc('2024-03-01T16:00:00Z') })
  })
})

describe('relative lines in lists', () => {
  const now = utc('2025-03-04T06:00:00Z') // 14:00 on 4 March in Shanghai
  const today = utc('2025-03-03T16:00:00Z') // 00:00 on 4 March in Shanghai

  test.each([
    ['the same instant', now, '刚刚'],
    ['59.999 s ago', now - MINUTE + 1, '刚刚'],
    ['59.999 s ahead (a phone clock behind the server)', now + MINUTE - 1, '刚刚'],
    ['a minute ahead', now + MINUTE, '刚刚'],
    ['more than a minute ahead', now + MINUTE + 1, '3月4日 14:01'],
    ['one minute ago', now - MINUTE, '1分钟前'],
    ['59 min 59 s ago', now - HOUR + 1000, '59分钟前'],
    ['one hour ago', now - HOUR, '1小时前'],
    ['at midnight today', today, '14小时前'],
    ['a millisecond before midnight', today - 1, '昨天 23:59'],
    ['at midnight yesterday', today - DAY, '昨天 00:00'],
    ['before yesterday', today - DAY - 1, '3月2日'],
    ['on 1 January this year', utc('2024-12-31T16:00:00Z'), '1月1日'],
    ['last year', utc('2024-12-31T15:59:59Z'), '2024年12月31日'],
  ])('%s: %s', (_when, at, line) => {
    expect(relativeLine(at, now)).toBe(line)
  })

  test('yesterday is Shanghai’s yesterday, though the UTC date is the same', () => {
    // now: 00:30 on 4 March in Shanghai; 90 minutes earlier was 23:00 on the 3rd.
    expect(relativeLine(lateNightUtc - 90 * MINUTE, lateNightUtc)).toBe('昨天 23:00')
    expect(relativeLine(lateNightUtc - 20 * MINUTE, lateNightUtc)).toBe('20分钟前')
  })

  test('this year is Shanghai’s year: on 1 January at 00:05 the 30th of December is last year', () => {
    expect(relativeLine(utc('2024-12-30T10:00:00Z'), newYearUtc)).toBe('2024年12月30日')
    expect(relativeLine(utc('2024-12-31T15:30:00Z'), newYearUtc)).toBe('35分钟前')
    expect(relativeLine(utc('2024-12-31T15:00:00Z'), newYearUtc)).toBe('昨天 23:00')
  })
})

describe('in a browser whose zone keeps daylight saving', () => {
  // Around New York's and Adelaide's clock changes in 2025, where dayjs's utcOffset and tz slip an hour.
  const instants = ['2025-03-09T07:30:00Z', '2025-03-08T17:30:00Z', '2025-04-05T16:30:00Z', '2025-10-04T16:30:00Z', '2025-11-02T05:30:00Z', '2025-11-01T16:10:00Z'].map(utc)
  const script = `const c = require('./types/calendar.ts')
const at = ${JSON.stringify(instants)}
console.log(JSON.stringify(at.map((t) => [c.subscribeTimeValue(t), c.startOfShanghaiDay(t), c.startOfNextShanghaiDay(t), c.relativeLine(t - 20 * 3600000, t)])))`
  const lines = (t: number) => [subscribeTimeValue(t), startOfShanghaiDay(t), startOfNextShanghaiDay(t), relativeLine(t - 20 * HOUR, t)]

  test.each(['America/New_York', 'Australia/Adelaide'])('%s reads what Shanghai reads', (zone) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: resolve(__dirname, '../..'), env: { ...process.env, TZ: zone }, encoding: 'utf8' })
    expect(JSON.parse(out)).toEqual(instants.map(lines))
  })
})
