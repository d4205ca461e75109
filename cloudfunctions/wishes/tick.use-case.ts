import { applyWishTransition, WISH_SYSTEM } from '../shared/core/wish/wish.machine'
import { wishTimerDueAt, wishTimerStep, type WishTimerStep } from '../shared/core/wish/wish-times'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { findMany } from '../shared/runtime/documents'
import { prepareAfterWishWrite } from './after-write'
import { StoredWish, writeTransition } from './wish-store'
import { stepEach } from '../shared/runtime/timer-run'

/** One run handles this many due wishes; more wait for the next run, ten minutes on. */
const PER_RUN = 500

export type WishTickReport = Record<WishTimerStep, number> & { due: number; conflicts: number; idle: number; failed: number }

/**
 * The 微心愿 timer: for each wish whose `timerDueAt` has come, the step wish-times.ts names — widen
 * to the 大党委, remind the claimer 24 h before, lapse the claim, ask the grid worker to check an
 * unconfirmed fulfilment, expire a wish nobody took by its day — through the machine as the system,
 * written on the version read. A person acting at the same moment wins (a claim racing the lapse, a
 * confirmation racing the check); the wish is looked at again next run. Each step is once, so runs may overlap.
 */
export async function tickWishes(now: number): Promise<WishTickReport> {
  const _ = database().command
  const due = await findMany(Collections.wishes, { timerDueAt: _.gte(0).and(_.lte(now)) }, StoredWish, { orderBy: ['timerDueAt', 'asc'], limit: PER_RUN })
  const report: WishTickReport = { due: due.length, widen: 0, remindLapse: 0, lapse: 0, askToCheck: 0, expire: 0, conflicts: 0, idle: 0, failed: 0 }
  await stepEach(due, (wish) => step(wish, now), report)
  return report
}

async function step(wish: StoredWish, now: number): Promise<WishTimerStep | 'conflicts' | 'idle' | 'failed'> {
  const next = wishTimerStep(wish, now)
  if (next === null) {
    // A stored due time with nothing to do: a write that changed the wish stored it before its step.
    const fresh = wishTimerDueAt(wish)
    if (fresh !== wish.timerDueAt) await database().collection(Collections.wishes).where({ _id: wish._id, version: wish.version }).update({ timerDueAt: fresh })
    return 'idle'
  }
  const outcome = applyWishTransition(wish, next, WISH_SYSTEM, now, {})
  if (!outcome.ok) {
    // One wish the machine refuses must not stop the run for every other wish.
    console.error(`[wishes-timer] ${next} on ${wish._id}: ${outcome.reason} ${outcome.detail}`)
    return 'failed'
  }
  const events = [outcome.event]
  const { stored, written } = writeTransition(wish, outcome.wish, events)
  // Who is told is read beside the write (after-write.ts); wasted when a person's act won the race.
  const followUp = prepareAfterWishWrite(wish, stored, events, now)
  const went = await written
  if (!went) return 'conflicts'
  await Promise.all([went.appended, followUp()])
  return next
}
