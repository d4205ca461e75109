import type { Category } from '../../../../types/category.schema'
import type { Alert, Deadlines, Request, RequestStatus } from '../../../../types/request.schema'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** 限时办理 for one category: answer the resident within hours, resolve within days. */
export type DeadlineRule = { respondHours: number; resolveDays: number }
export type DeadlineConfig = {
  byCategory: Record<Category, DeadlineRule>
  /** 催办 once this share of a window has gone: late enough not to nag, early enough to act on. */
  remindAtFraction: number
}

/**
 * Defaults after 接诉即办 practice: contact the resident within 24 hours, within 2 when someone could
 * get hurt; ordinary items done within 7 days, disputes (调解 takes meetings) within 15. Calendar
 * time, not working days: a working-day calendar needs the State Council's yearly holiday notice,
 * which a deployment can bring through its config when it wants it.
 */
export const defaultDeadlineConfig: DeadlineConfig = {
  byCategory: {
    property: { respondHours: 24, resolveDays: 7 },
    hazard: { respondHours: 2, resolveDays: 3 },
    environment: { respondHours: 24, resolveDays: 5 },
    facility: { respondHours: 24, resolveDays: 7 },
    elderly: { respondHours: 4, resolveDays: 5 },
    neighbour: { respondHours: 24, resolveDays: 15 },
    other: { respondHours: 24, resolveDays: 7 },
  },
  remindAtFraction: 0.75,
}

export type DeadlineOverrides = {
  byCategory?: Partial<Record<Category, Partial<DeadlineRule>>>
  remindAtFraction?: number
}

/** A deployment's own time limits over the defaults; a nonsensical value fails at load, not at 3 a.m. */
export function deadlineConfig(overrides: DeadlineOverrides = {}, base: DeadlineConfig = defaultDeadlineConfig): DeadlineConfig {
  const byCategory = { ...base.byCategory }
  for (const [category, rule] of Object.entries(overrides.byCategory ?? {}) as [Category, Partial<DeadlineRule>][]) {
    byCategory[category] = { ...byCategory[category], ...rule }
  }
  const config = { byCategory, remindAtFraction: overrides.remindAtFraction ?? base.remindAtFraction }
  for (const [category, rule] of Object.entries(config.byCategory)) {
    if (!(rule.respondHours > 0) || !(rule.resolveDays > 0) || rule.respondHours > rule.resolveDays * 24) {
      throw new RangeError(`deadline for ${category}: respond within (0, resolve] hours, resolve in > 0 days`)
    }
  }
  if (!(config.remindAtFraction > 0 && config.remindAtFraction < 1)) throw new RangeError('remindAtFraction must lie in (0, 1)')
  return config
}

/** Both limits run from dispatch: 接诉即办 starts the clock when the item is handed to someone. */
export function dueTimes(category: Category, from: number, config: DeadlineConfig = defaultDeadlineConfig): Deadlines {
  const rule = config.byCategory[category]
  return { respondBy: from + rule.respondHours * HOUR_MS, resolveFrom: from, resolveBy: resolveDueAt(category, from, config) }
}

/** A reopened item (rated 不解决) gets the full resolve window again: 重办 is a new time limit. */
export const resolveDueAt = (category: Category, from: number, config: DeadlineConfig = defaultDeadlineConfig): number =>
  from + config.byCategory[category].resolveDays * DAY_MS

/** The rule: no rating within 7 days of the reply closes the item as not rated. */
export const RATING_WINDOW_MS = 7 * DAY_MS
export const ratingDueAt = (repliedAt: number): number => repliedAt + RATING_WINDOW_MS

export type Stage = 'respond' | 'resolve' | 'rate'

/** Which clock a status runs; statuses with none are waiting on review or finished. */
export const stageOf: Record<RequestStatus, Stage | null> = {
  submitted: null,
  inReview: null,
  dispatched: 'respond',
  accepted: 'resolve',
  inProgress: 'resolve',
  escalated: 'resolve',
  replied: 'rate',
  closed: null,
  closedUnrated: null,
  withdrawn: null,
  referred: null,
  rejected: null,
}

type Timed = Pick<Request, 'status' | 'deadlines' | 'dispatchedAt' | 'repliedAt'>
export type Clock = { stage: Stage; from: number; dueAt: number }

export function clockOf(request: Timed): Clock | null {
  const stage = stageOf[request.status]
  const d = request.deadlines
  if (stage === 'respond' && d && request.dispatchedAt !== null) return { stage, from: request.dispatchedAt, dueAt: d.respondBy }
  if (stage === 'resolve' && d) return { stage, from: d.resolveFrom, dueAt: d.resolveBy }
  if (stage === 'rate' && request.repliedAt !== null) return { stage, from: request.repliedAt, dueAt: ratingDueAt(request.repliedAt) }
  return null
}

export type Urgency = 'onTime' | 'dueSoon' | 'overdue'

/** When a clock turns due soon (催办): its remind point, as the whole millisecond a timestamp can reach. */
export const remindAtOf = (clock: Clock, config: DeadlineConfig = defaultDeadlineConfig): number =>
  Math.ceil(clock.from + config.remindAtFraction * (clock.dueAt - clock.from))

/** "Within 24 hours" includes the 24th: an item is overdue only after its due time. */
export function classify(request: Timed, now: number, config: DeadlineConfig = defaultDeadlineConfig): (Clock & { urgency: Urgency }) | null {
  const clock = clockOf(request)
  if (!clock) return null
  const urgency: Urgency = now > clock.dueAt ? 'overdue' : now >= remindAtOf(clock, config) ? 'dueSoon' : 'onTime'
  return { ...clock, urgency }
}

export type TimerStep = 'remind' | 'supervise' | 'autoClose'

/**
 * What the timer does to one item now: 催办 the owner when due soon, 督办 (raise to the committee)
 * once overdue — straight to 督办 if the item went overdue between two runs — and close an unrated
 * reply after its window. Each alert once per due time, so the timer can run as often as it likes.
 */
export function timerStep(request: Timed & Pick<Request, 'alerts'>, now: number, config: DeadlineConfig = defaultDeadlineConfig): TimerStep | null {
  const c = classify(request, now, config)
  if (!c) return null
  if (c.stage === 'rate') return now >= c.dueAt ? 'autoClose' : null
  const sent = (kind: Alert['kind']) => request.alerts.some((a) => a.kind === kind && a.stage === c.stage && a.dueAt === c.dueAt)
  if (c.urgency === 'overdue') return sent('supervise') ? null : 'supervise'
  if (c.urgency === 'dueSoon') return sent('remind') ? null : 'remind'
  return null
}

/**
 * When the timer next has something to do for this item, or null. Stored on the item and indexed, so
 * a tick reads only what is due instead of every open item. It mirrors timerStep: 催办 from the remind
 * point, 督办 once past the due time, nothing after 督办 was sent; for a reply, the end of its rating window.
 */
export function timerDueAt(request: Timed & Pick<Request, 'alerts'>, config: DeadlineConfig = defaultDeadlineConfig): number | null {
  const clock = clockOf(request)
  if (!clock) return null
  if (clock.stage === 'rate') return clock.dueAt
  const sent = (kind: Alert['kind']) => request.alerts.some((a) => a.kind === kind && a.stage === clock.stage && a.dueAt === clock.dueAt)
  if (sent('supervise')) return null
  // Overdue means strictly after the due time (classify), hence the millisecond.
  if (sent('remind')) return clock.dueAt + 1
  return remindAtOf(clock, config)
}
