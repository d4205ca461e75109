import {
  classify, deadlineConfig, defaultDeadlineConfig, dueTimes, RATING_WINDOW_MS, resolveDueAt, timerStep,
} from '../../cloudfunctions/shared/core/request/deadlines'
import { inboxKeys, inboxStatuses } from '../../cloudfunctions/shared/core/request/inbox'
import { applyTransition, closedStatuses, SYSTEM } from '../../cloudfunctions/shared/core/request/request.machine'
import { Category } from '../../types/category.schema'
import { RequestStatus, type Request } from '../../types/request.schema'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const T0 = 1_741_000_000_000 // the fixed clock every case counts from

/** Only the fields the clock reads; the rest of a request does not matter to a deadline. */
const timed = (status: RequestStatus, over: Partial<Request> = {}) =>
  ({ _id: `req-${status}`, status, deadlines: dueTimes('hazard', T0), dispatchedAt: T0, repliedAt: null, alerts: [], updatedAt: T0, ...over }) as Request

describe('限时办理: due times per category', () => {
  test.each([
    ['property', 24, 7], ['hazard', 2, 3], ['environment', 24, 5], ['facility', 24, 7], ['elderly', 4, 5], ['neighbour', 24, 15], ['other', 24, 7],
  ] as const)('%s: respond within %i h, resolve within %i days, both from dispatch', (category, hours, days) => {
    expect(dueTimes(category, T0)).toEqual({ respondBy: T0 + hours * HOUR, resolveFrom: T0, resolveBy: T0 + days * DAY })
  })

  test('every category has a default rule', () => {
    expect(Object.keys(defaultDeadlineConfig.byCategory).sort()).toEqual([...Category.options].sort())
  })

  test('a deployment overrides one field of one category; the rest stay default', () => {
    const config = deadlineConfig({ byCategory: { property: { respondHours: 12 } }, remindAtFraction: 0.5 })
    expect(dueTimes('property', T0, config)).toEqual({ respondBy: T0 + 12 * HOUR, resolveFrom: T0, resolveBy: T0 + 7 * DAY })
    expect(dueTimes('hazard', T0, config)).toEqual(dueTimes('hazard', T0))
    expect(config.remindAtFraction).toBe(0.5)
    expect(defaultDeadlineConfig.byCategory.property.respondHours).toBe(24)
  })

  test.each([
    ['a zero response window', { byCategory: { hazard: { respondHours: 0 } } }],
    ['a respond window longer than the resolve one', { byCategory: { hazard: { respondHours: 100, resolveDays: 1 } } }],
    ['a negative resolve window', { byCategory: { other: { resolveDays: -1 } } }],
    ['a remind fraction of 1', { remindAtFraction: 1 }],
    ['NaN hours', { byCategory: { elderly: { respondHours: Number.NaN } } }],
  ])('%s fails at load', (_name, overrides) => {
    expect(() => deadlineConfig(overrides)).toThrow(RangeError)
  })

  test('a reopened item gets the full resolve window again from the reopening', () => {
    expect(resolveDueAt('neighbour', T0 + DAY)).toBe(T0 + 16 * DAY)
  })
})

describe('classification at a fixed now: on time, due soon (催办), overdue (督办)', () => {
  // hazard: respond within 2 h, so due soon from 1.5 h (three quarters); resolve within 3 days, due soon from 54 h.
  test.each<[string, RequestStatus, number, string, string | null]>([
    ['just dispatched', 'dispatched', T0, 'onTime', null],
    ['one ms before three quarters of the respond window', 'dispatched', T0 + 1.5 * HOUR - 1, 'onTime', null],
    ['at three quarters of the respond window', 'dispatched', T0 + 1.5 * HOUR, 'dueSoon', 'remind'],
    ['exactly at respond-by: still within "2 hours"', 'dispatched', T0 + 2 * HOUR, 'dueSoon', 'remind'],
    ['one ms after respond-by', 'dispatched', T0 + 2 * HOUR + 1, 'overdue', 'supervise'],
    ['accepted: the resolve clock, on time after 2 h', 'accepted', T0 + 3 * HOUR, 'onTime', null],
    ['in progress at 54 h', 'inProgress', T0 + 54 * HOUR, 'dueSoon', 'remind'],
    ['escalated past resolve-by', 'escalated', T0 + 3 * DAY + 1, 'overdue', 'supervise'],
  ])('%s', (_name, status, now, urgency, step) => {
    const request = timed(status)
    expect(classify(request, now)?.urgency).toBe(urgency)
    expect(timerStep(request, now)).toBe(step)
  })

  test.each(['submitted', 'inReview', ...closedStatuses] as RequestStatus[])('%s runs no clock', (status) => {
    expect(classify(timed(status), T0 + 30 * DAY)).toBeNull()
    expect(timerStep(timed(status), T0 + 30 * DAY)).toBeNull()
  })

  test('a configured remind fraction moves 催办 earlier', () => {
    const config = deadlineConfig({ remindAtFraction: 0.5 })
    expect(classify(timed('dispatched'), T0 + HOUR, config)?.urgency).toBe('dueSoon')
    expect(classify(timed('dispatched'), T0 + HOUR)?.urgency).toBe('onTime')
  })
})

describe('the timer: once per deadline, and the 7-day rating window', () => {
  test('remind once, then supervise once, then nothing; a reopening starts the alerts again', () => {
    let request = timed('inProgress', { version: 3 } as Partial<Request>)
    const tick = (now: number) => {
      const step = timerStep(request, now)
      if (step === null) return null
      const outcome = applyTransition(request, step, SYSTEM, now, {})
      if (!outcome.ok) throw new Error(outcome.reason)
      request = outcome.request
      return step
    }
    expect([T0 + 55 * HOUR, T0 + 60 * HOUR, T0 + 3 * DAY + 1, T0 + 4 * DAY].map(tick)).toEqual(['remind', null, 'supervise', null])
    expect(request.alerts).toEqual([
      { kind: 'remind', stage: 'resolve', dueAt: T0 + 3 * DAY, at: T0 + 55 * HOUR },
      { kind: 'supervise', stage: 'resolve', dueAt: T0 + 3 * DAY, at: T0 + 3 * DAY + 1 },
    ])
    request = { ...request, deadlines: { ...request.deadlines!, resolveFrom: T0 + 4 * DAY, resolveBy: T0 + 7 * DAY } }
    expect(tick(T0 + 7 * DAY - HOUR)).toBe('remind')
  })

  test('an item that went overdue between two runs is supervised at once, not reminded first', () => {
    expect(timerStep(timed('dispatched'), T0 + 5 * HOUR)).toBe('supervise')
  })

  test('a reply closes unrated exactly 7 days after it, not a millisecond before', () => {
    const replied = timed('replied', { repliedAt: T0 })
    expect(RATING_WINDOW_MS).toBe(7 * DAY)
    expect(timerStep(replied, T0 + 7 * DAY - 1)).toBeNull()
    expect(timerStep(replied, T0 + 7 * DAY)).toBe('autoClose')
    expect(classify(replied, T0 + DAY)).toMatchObject({ stage: 'rate', dueAt: T0 + 7 * DAY })
  })
})

describe('the inbox', () => {
  test('tabs cover every status exactly once', () => {
    expect(Object.values(inboxStatuses).flat().sort()).toEqual([...RequestStatus.options].filter((s) => s !== 'submitted').sort())
  })

  test('by due time: overdue first (longest overdue on top), then what falls due next, then no clock, newest first', () => {
    const now = T0 + 2 * DAY
    const items = [
      timed('accepted', { _id: 'on-time' }),
      timed('dispatched', { _id: 'overdue-1d', dispatchedAt: T0 + DAY - 2 * HOUR, deadlines: dueTimes('hazard', T0 + DAY - 2 * HOUR) }),
      timed('closed', { _id: 'closed-old', updatedAt: T0 }),
      timed('inProgress', { _id: 'due-soon', deadlines: dueTimes('hazard', T0 - 10 * HOUR) }),
      timed('dispatched', { _id: 'overdue-2d' }),
      timed('closed', { _id: 'closed-new', updatedAt: T0 + DAY }),
    ]
    const order = (r: Request) => inboxKeys(r).inboxDueAt
    const sorted = items.sort((a, b) => order(a) - order(b))
    expect(sorted.map((r) => r._id)).toEqual(['overdue-2d', 'overdue-1d', 'due-soon', 'on-time', 'closed-new', 'closed-old'])
    expect(sorted.map((r) => classify(r, now)?.urgency ?? null)).toEqual(['overdue', 'overdue', 'dueSoon', 'onTime', null, null])
  })

  // The inbox filters by urgency with ranges over the stored keys (inbox.use-case): they must agree with classify.
  test.each(['dispatched', 'accepted', 'replied'] as const)('the stored keys give classify’s urgency at every moment (%s)', (status) => {
    const item = timed(status, { repliedAt: status === 'replied' ? T0 : null })
    const { inboxDueAt, inboxRemindAt } = inboxKeys(item)
    for (let now = T0; now <= T0 + 8 * DAY; now += 7 * 60_000 + 1) {
      const byKeys = inboxDueAt < now ? 'overdue' : inboxRemindAt! <= now ? 'dueSoon' : 'onTime'
      expect([now, byKeys]).toEqual([now, classify(item, now)!.urgency])
    }
  })
})
