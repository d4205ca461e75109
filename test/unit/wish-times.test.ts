import { newWish, type WishDraft } from '../../cloudfunctions/shared/core/wish/wish.machine'
import {
  confirmCheckAt, defaultWishConfig, lapseReminderAt, lockUntilOf, neededByOf, widenAtOf, wishConfig, wishTimerDueAt, wishTimerStep,
} from '../../cloudfunctions/shared/core/wish/wish-times'
import { dateTimeLine } from '../../types/calendar'
import type { Wish } from '../../types/wish.schema'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const T0 = Date.UTC(2025, 2, 3, 11, 6, 40) // 3月3日 19:06:40 in Beijing

const draft: WishDraft = {
  _id: 'wish-1', idempotencyKey: 'key-00000001', wisherId: 'u-wisher', place: { householdId: 'hh-1' }, streetId: 'street-1',
  route: { communityId: 'comm-1', gridId: 'grid-1', buildingId: 'bldg-1', branchId: 'br-1', partyGroupId: null, centreHouseholdId: null,
    locateRule: 'household', rule: 'gridBranch' },
  category: 'study', text: '孩子开学需要一个书包', photos: [], neededBy: T0 + 30 * DAY, delivery: 'station', marks: [],
}
const base = newWish(draft, T0).wish
const at = (over: Partial<Wish>): Wish => ({ ...base, ...over })

describe('the needed-by date, in Beijing time', () => {
  test('a day picked means through its end: the lock shows 00:00 of the next day', () => {
    expect(dateTimeLine(neededByOf(T0 + 2 * DAY))).toBe('3月6日 00:00')
  })

  test('an instant after midnight in Beijing but before it in UTC is already the next day', () => {
    const justAfterMidnight = Date.UTC(2025, 2, 5, 16, 30) // 3月6日 00:30 Beijing, still 3月5日 in UTC
    expect(dateTimeLine(neededByOf(justAfterMidnight))).toBe('3月7日 00:00')
  })
})

describe('the claim lock', () => {
  test('7 days by default', () => {
    expect(lockUntilOf({ category: 'study', neededBy: T0 + 30 * DAY }, T0)).toBe(T0 + 7 * DAY)
  })

  // issue 7 Claim: "never past the needed-by date".
  test.each([0, 1, 2 * DAY, 7 * DAY - 1])('never past the needed-by date (needed %i ms after now)', (ahead) => {
    expect(lockUntilOf({ category: 'study', neededBy: T0 + ahead }, T0)).toBe(T0 + ahead)
  })

  test('a category with its own days, and the others keep the default', () => {
    const config = wishConfig({ lockDays: { health: 2 } })
    expect(lockUntilOf({ category: 'health', neededBy: T0 + 30 * DAY }, T0, config)).toBe(T0 + 2 * DAY)
    expect(lockUntilOf({ category: 'goods', neededBy: T0 + 30 * DAY }, T0, config)).toBe(T0 + 7 * DAY)
    expect(lockUntilOf({ category: 'health', neededBy: T0 + DAY }, T0, config)).toBe(T0 + DAY)
  })
})

describe('the config', () => {
  test('no overrides: the issue\'s defaults', () => {
    expect(wishConfig()).toEqual(defaultWishConfig)
    expect(defaultWishConfig).toMatchObject({ widenAfterDays: 3, lockDays: { life: 7, elderlyDisabled: 7, study: 7, health: 7, goods: 7, other: 7 } })
  })

  test.each<[string, unknown]>([
    ['a lock of 0 days', { lockDays: { life: 0 } }],
    ['a negative widening', { widenAfterDays: -1 }],
    ['a lock of a year', { lockDays: { goods: 365 } }],
    ['an unknown category', { lockDays: { food: 3 } }],
    ['an unknown setting', { remindHours: 12 }],
  ])('%s fails at load', (_name, overrides) => {
    expect(() => wishConfig(overrides)).toThrow()
  })
})

describe('widening, the reminder and the unconfirmed check', () => {
  test('widening 3 days after publishing by default, or as configured', () => {
    expect(widenAtOf(T0)).toBe(T0 + 3 * DAY)
    expect(widenAtOf(T0, wishConfig({ widenAfterDays: 1 }))).toBe(T0 + DAY)
  })

  test('the reminder goes 24 h before the lock ends', () => {
    expect(lapseReminderAt({ at: T0, lockUntil: T0 + 7 * DAY })).toBe(T0 + 6 * DAY)
  })

  test('no reminder for a lock of 24 h or less: the deadline was shown at claiming', () => {
    expect(lapseReminderAt({ at: T0, lockUntil: T0 + DAY })).toBeNull()
    expect(lapseReminderAt({ at: T0, lockUntil: T0 + DAY + 1 })).toBe(T0 + 1)
  })

  test('the grid worker is asked 7 days after the fulfilment', () => {
    expect(confirmCheckAt({ at: T0 })).toBe(T0 + 7 * DAY)
  })
})

describe('the timer', () => {
  const published = at({ status: 'published', publishedAt: T0, widenAt: widenAtOf(T0) })
  const claim = { memberId: 'u-m', at: T0, lockUntil: T0 + 7 * DAY, remindedAt: null }
  const claimed = at({ status: 'claimed', claim })
  const fulfilled = at({ status: 'fulfilled', claim, fulfilment: { memberId: 'u-m', note: '书包已送到居委会', photos: [], at: T0 } })

  test('widens an unclaimed wish at its time, once', () => {
    expect(wishTimerStep(published, T0 + 3 * DAY - 1)).toBeNull()
    expect(wishTimerStep(published, T0 + 3 * DAY)).toBe('widen')
    expect(wishTimerStep({ ...published, audience: 'community' }, T0 + 4 * DAY)).toBeNull()
    expect(wishTimerDueAt(published)).toBe(T0 + 3 * DAY)
    // Widened, it waits for a claim until its needed-by day.
    expect(wishTimerDueAt({ ...published, audience: 'community' })).toBe(T0 + 30 * DAY)
  })

  test('expires a wish nobody reviewed or claimed once its needed-by day has passed, before any widening', () => {
    const inReview = at({ status: 'inReview' })
    expect(wishTimerDueAt(inReview)).toBe(T0 + 30 * DAY)
    expect(wishTimerStep(inReview, T0 + 30 * DAY - 1)).toBeNull()
    expect(wishTimerStep(inReview, T0 + 30 * DAY)).toBe('expire')
    expect(wishTimerStep({ ...published, audience: 'community' }, T0 + 30 * DAY)).toBe('expire')
    const soon = at({ status: 'published', publishedAt: T0, widenAt: widenAtOf(T0), neededBy: T0 + DAY })
    expect(wishTimerDueAt(soon)).toBe(T0 + DAY)
    expect(wishTimerStep(soon, T0 + 3 * DAY)).toBe('expire')
  })

  test('reminds 24 h before, then lapses when the lock ends', () => {
    expect(wishTimerStep(claimed, T0 + 6 * DAY - 1)).toBeNull()
    expect(wishTimerStep(claimed, T0 + 6 * DAY)).toBe('remindLapse')
    expect(wishTimerDueAt(claimed)).toBe(T0 + 6 * DAY)
    const reminded = { ...claimed, claim: { ...claim, remindedAt: T0 + 6 * DAY } }
    expect(wishTimerStep(reminded, T0 + 7 * DAY - 1)).toBeNull()
    expect(wishTimerDueAt(reminded)).toBe(T0 + 7 * DAY)
    expect(wishTimerStep(reminded, T0 + 7 * DAY)).toBe('lapse')
  })

  test('a lock that ran out between two runs lapses without the reminder first', () => {
    expect(wishTimerStep(claimed, T0 + 8 * DAY)).toBe('lapse')
  })

  test('asks the grid worker once, 7 days after an unconfirmed fulfilment', () => {
    expect(wishTimerStep(fulfilled, T0 + 7 * DAY - 1)).toBeNull()
    expect(wishTimerStep(fulfilled, T0 + 7 * DAY)).toBe('askToCheck')
    expect(wishTimerDueAt(fulfilled)).toBe(T0 + 7 * DAY)
    expect(wishTimerStep({ ...fulfilled, checkAskedAt: T0 + 7 * DAY }, T0 + 9 * DAY)).toBeNull()
  })

  test('nothing to do after the end', () => {
    for (const status of ['realised', 'returned', 'withdrawn', 'converted', 'expired'] as const) {
      expect([status, wishTimerStep({ ...fulfilled, status }, T0 + 30 * DAY), wishTimerDueAt({ ...fulfilled, status })]).toEqual([status, null, null])
    }
  })
})
