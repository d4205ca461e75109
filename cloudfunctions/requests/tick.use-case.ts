import { timerStep, type TimerStep } from '../shared/core/request/deadlines'
import { applyTransition, SYSTEM } from '../shared/core/request/request.machine'
import { database } from '../shared/runtime/cloudbase'
import { settings } from '../shared/runtime/settings'
import { notify } from './notify'
import { allRequests } from './request-queries'
import { rescheduleTimer, writeTransition, type StoredRequest } from './request-store'
import { stepEach } from '../shared/runtime/timer-run'

/** One run handles this many due items; more wait for the next run, ten minutes on. */
const PER_RUN = 500

export type TickReport = Record<TimerStep, number> & { due: number; conflicts: number; idle: number; failed: number }

/**
 * The deadlines timer: for each item whose `timerDueAt` has come, the step deadlines.ts names — 催办
 * the owner, 督办 to the committee once overdue, close a reply left unrated for 7 days — through the
 * machine as SYSTEM, written on the version read. A resident acting at the same moment wins; the
 * item is still due and the next run looks again. Every step is once per deadline, so runs may overlap.
 */
export async function tick(now: number): Promise<TickReport> {
  const _ = database().command
  const due = await allRequests({ timerDueAt: _.gte(0).and(_.lte(now)) }, ['timerDueAt', 'asc'], PER_RUN, 'whole')
  const report: TickReport = { due: due.length, remind: 0, supervise: 0, autoClose: 0, conflicts: 0, idle: 0, failed: 0 }
  await stepEach(due, (request) => step(request, now), report)
  return report
}

async function step(request: StoredRequest, now: number): Promise<TimerStep | 'conflicts' | 'idle' | 'failed'> {
  const next = timerStep(request, now, settings().deadlines)
  // A stored due time with nothing to do means the deadline config changed since it was stored.
  if (next === null) {
    await rescheduleTimer(request)
    return 'idle'
  }
  const outcome = applyTransition(request, next, SYSTEM, now, {})
  if (!outcome.ok) {
    // One item the machine refuses must not stop the run for every other item.
    console.error(`[requests-timer] ${next} on ${request._id}: ${outcome.reason} ${outcome.detail}`)
    return 'failed'
  }
  const saved = await writeTransition(request, outcome.request, [outcome.event])
  if (!saved) return 'conflicts'
  await notify([outcome.event], saved, now)
  return next
}
