import { defaultRateLimits, fits, hourFields, rateLimitsConfig, rateWindowAt, retryAtOf, type DayCounts } from '../../cloudfunctions/shared/core/rate-limits'

/** Instants named in Beijing time (UTC+8 all year). */
const beijing = (iso: string): number => Date.parse(`${iso}+08:00`)

const counts = (day: number, total: number, hour: string, inHour: number): DayCounts => ({
  day, total, hours: Object.fromEntries(hourFields.map((f) => [f, f === hour ? inHour : 0])),
})

describe('the windows of a moment, in Beijing time', () => {
  test.each([
    ['2026-03-05T00:00:00', 20260305, 'h00', '2026-03-05T01:00:00', '2026-03-06T00:00:00'],
    ['2026-03-05T07:59:59.999', 20260305, 'h07', '2026-03-05T08:00:00', '2026-03-06T00:00:00'],
    // 08:00 Beijing is midnight UTC: the Beijing day does not start again there.
    ['2026-03-05T08:00:00', 20260305, 'h08', '2026-03-05T09:00:00', '2026-03-06T00:00:00'],
    ['2026-03-05T20:30:00', 20260305, 'h20', '2026-03-05T21:00:00', '2026-03-06T00:00:00'],
    ['2026-03-05T23:59:59', 20260305, 'h23', '2026-03-06T00:00:00', '2026-03-06T00:00:00'],
    ['2026-12-31T23:10:00', 20261231, 'h23', '2027-01-01T00:00:00', '2027-01-01T00:00:00'],
  ])('%s is day %d, hour %s, the hour ends %s, the day %s', (at, day, hourField, hourEnds, dayEnds) => {
    expect(rateWindowAt(beijing(at))).toEqual({ day, hourField, hourEndsAt: beijing(hourEnds), dayEndsAt: beijing(dayEnds) })
  })
})

describe('what fits, and when to try again', () => {
  const file = defaultRateLimits.file
  const now = beijing('2026-03-05T20:30:00')
  const window = rateWindowAt(now)

  test('up to the hour\'s allowance, then the next hour', () => {
    expect(fits(counts(20260305, 9, 'h20', 9), window, file)).toBe(true)
    expect(fits(counts(20260305, 10, 'h20', 10), window, file)).toBe(false)
    expect(retryAtOf(counts(20260305, 10, 'h20', 10), window, file)).toBe(beijing('2026-03-05T21:00:00'))
  })

  test('the day full: midnight, even with room in the hour', () => {
    const full = counts(20260305, 30, 'h20', 2)
    expect(fits(full, window, file)).toBe(false)
    expect(retryAtOf(full, window, file)).toBe(beijing('2026-03-06T00:00:00'))
  })

  test('an earlier hour\'s or day\'s counts do not count now', () => {
    expect(fits(counts(20260305, 12, 'h19', 10), window, file)).toBe(true)
    expect(fits(counts(20260304, 30, 'h20', 10), window, file)).toBe(true)
  })

  test('several at once (photos) must all fit', () => {
    const photo = defaultRateLimits.photo
    expect(fits(counts(20260305, 95, 'h20', 95), window, photo, 5)).toBe(true)
    expect(fits(counts(20260305, 96, 'h20', 96), window, photo, 5)).toBe(false)
  })

  test('a moved clock: an hour later the same counts fit again', () => {
    const later = rateWindowAt(now + 3_600_000)
    expect(fits(counts(20260305, 10, 'h20', 10), later, file)).toBe(true)
  })
})

describe('the figures', () => {
  test('a deployment may change some; a nonsensical value fails when the settings load', () => {
    expect(rateLimitsConfig({ file: { perHour: 20 } }).file).toEqual({ perHour: 20, perDay: 30 })
    expect(() => rateLimitsConfig({ file: { perHour: 0 } })).toThrow()
    expect(() => rateLimitsConfig({ flood: { perHour: 5 } })).toThrow()
  })

  test('no allowance of an hour is above its day\'s, and staff filing allows more than a resident', () => {
    for (const allowance of Object.values(defaultRateLimits)) expect(allowance.perHour).toBeLessThanOrEqual(allowance.perDay)
    expect(defaultRateLimits.fileForOthers.perHour).toBeGreaterThan(defaultRateLimits.file.perHour)
    // A filing keeps up to 9 photos: its photos must always fit an hour that has room.
    expect(defaultRateLimits.photo.perHour).toBeGreaterThanOrEqual(9)
  })
})
