import type { InboxState } from '../../../../types/request.actions'
import type { Request, RequestStatus } from '../../../../types/request.schema'
import { clockOf, defaultDeadlineConfig, remindAtOf, type DeadlineConfig } from './deadlines'
import { closedStatuses } from './request.machine'

/** The workbench's tabs, each a set of statuses; `done` is whatever the machine says is closed. */
export const inboxStatuses: Record<InboxState, readonly RequestStatus[]> = {
  review: ['inReview'],
  toAccept: ['dispatched'],
  inHand: ['accepted', 'inProgress', 'escalated'],
  awaitingRating: ['replied'],
  done: closedStatuses,
}

/**
 * Where items with no clock running (in review, closed) sort: after every due time a clock can hold,
 * still exact as a double once a timestamp is taken from it.
 */
const NO_CLOCK = Number.MAX_SAFE_INTEGER

export type InboxKeys = {
  /** The order of work: the running clock's due time, else after all of them, newest first. */
  inboxDueAt: number
  /** When the running clock turns due soon (deadlines.ts classify); null with no clock. */
  inboxRemindAt: number | null
}

/**
 * The grid worker's order of work as numbers stored on the item, so the database sorts and pages it
 * however many items are open: by due time, hence overdue first (longest overdue on top), then what
 * falls due next. Urgency is a range over the same numbers: overdue before `now` by inboxDueAt, due
 * soon from inboxRemindAt, on time before it.
 */
export function inboxKeys(
  request: Pick<Request, 'status' | 'deadlines' | 'dispatchedAt' | 'repliedAt' | 'updatedAt'>,
  config: DeadlineConfig = defaultDeadlineConfig,
): InboxKeys {
  const clock = clockOf(request)
  if (!clock) return { inboxDueAt: NO_CLOCK - request.updatedAt, inboxRemindAt: null }
  return { inboxDueAt: clock.dueAt, inboxRemindAt: remindAtOf(clock, config) }
}
