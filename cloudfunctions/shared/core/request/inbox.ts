import type { InboxState, Urgency } from '../../../../types/request.actions'
import type { Request, RequestStatus } from '../../../../types/request.schema'
import { classify, defaultDeadlineConfig, type DeadlineConfig } from './deadlines'
import { closedStatuses } from './request.machine'

/** The workbench's tabs, each a set of statuses; `done` is whatever the machine says is closed. */
export const inboxStatuses: Record<InboxState, readonly RequestStatus[]> = {
  review: ['inReview'],
  toAccept: ['dispatched'],
  inHand: ['accepted', 'inProgress', 'escalated'],
  awaitingRating: ['replied'],
  done: closedStatuses,
}

const urgencyRank: Record<Urgency, number> = { overdue: 0, dueSoon: 1, onTime: 2 }

/**
 * The grid worker's order of work: overdue first (longest overdue at the top), then due soon, then
 * the rest by due time; items with no clock running (in review, closed) last, newest first.
 */
export function inboxOrder(now: number, config: DeadlineConfig = defaultDeadlineConfig) {
  const key = (r: Request) => {
    const c = classify(r, now, config)
    return c ? { rank: urgencyRank[c.urgency], dueAt: c.dueAt } : { rank: 3, dueAt: -r.updatedAt }
  }
  return (a: Request, b: Request): number => {
    const ka = key(a)
    const kb = key(b)
    return ka.rank - kb.rank || ka.dueAt - kb.dueAt || a._id.localeCompare(b._id)
  }
}
