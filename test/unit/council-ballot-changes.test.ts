import { changeRetryAt, changeWindowAt } from '../../cloudfunctions/shared/core/council/ballot-changes'
import { defaultRateLimits, rateWindowAt } from '../../cloudfunctions/shared/core/rate-limits'

/** Issue 11: the vote-change limit (issue 10) counted on the ballot, in the windows every limit uses. */
const allowance = defaultRateLimits.voteChange
// 2026-12-07 10:30 Beijing time.
const now = Date.UTC(2026, 11, 7, 2, 30)

test('a change counts in its Beijing day and that day’s clock hour', () => {
  const window = rateWindowAt(now)
  expect(changeWindowAt(now)).toEqual({ dayKey: 'd20261207', hourKey: 'd20261207h10', hourEndsAt: window.hourEndsAt, dayEndsAt: window.dayEndsAt })
})

test('room left: no retry time; a full hour waits for the next hour, a full day for the next day', () => {
  const { dayKey, hourKey, hourEndsAt, dayEndsAt } = changeWindowAt(now)
  expect(changeRetryAt(undefined, now, allowance)).toBeNull()
  expect(changeRetryAt({ [dayKey]: 9, [hourKey]: allowance.perHour - 1 }, now, allowance)).toBeNull()
  expect(changeRetryAt({ [dayKey]: 10, [hourKey]: allowance.perHour }, now, allowance)).toBe(hourEndsAt)
  expect(changeRetryAt({ [dayKey]: allowance.perDay, [hourKey]: 0 }, now, allowance)).toBe(dayEndsAt)
  // Yesterday's changes and another hour's do not count now.
  expect(changeRetryAt({ d20261206: allowance.perDay, d20261207h09: allowance.perHour, [dayKey]: 10 }, now, allowance)).toBeNull()
})
