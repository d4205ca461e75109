import { z } from 'zod'
import { failure, rateLimited, type Failure } from '../../../types'
import { dateTimeLine } from '../../../types/calendar'
import { fits, hourFields, rateWindowAt, retryAtOf, type DayCounts, type LimitedAction, type RateWindow } from '../core/rate-limits'
import { database } from './cloudbase'
import { Collections } from './collections'
import { isDuplicateWrite } from './database-errors'
import { settings } from './settings'

/**
 * The limits of core/rate-limits.ts, held by the database so they hold across CloudBase's instances:
 * one counter document per person × action (`_id` `${action}~${userId}`), with the Beijing day it
 * counts, the day's total and the 24 hours' counts. Spending is one conditional update — today, the
 * day and the hour with room left — so 30 filings sent at once are counted one by one by the database
 * and exactly the allowance goes through. A new day resets the same document (another conditional
 * update), so a person never has more than one document per action: nothing piles up, no timer cleans.
 *
 * `itemKey` (the item's idempotent id) is remembered for the day in `recent`, in the same update: a
 * retried submit of an item already counted is let through without spending again, and so is never
 * refused where its first answer is waiting. Such a call notes the key in `held`: the count it relies
 * on is then no longer the first call's to give back (spendAhead).
 */
const Counter = z.object({
  _id: z.string(),
  day: z.number(),
  total: z.number(),
  recent: z.array(z.string()),
}).catchall(z.unknown())
type Counter = z.infer<typeof Counter>

const counters = () => database().collection(Collections.rateCounters)
const counterIdOf = (action: LimitedAction, userId: string) => `${action}~${userId}`

/**
 * Which counters this instance last saw on which day: only a guess at which write to try first (today's
 * count, or a new day's reset), so a person's usual action costs one request. The count itself is
 * never kept here.
 */
const lastSeenDay = new Map<string, number>()
const REMEMBERED = 10_000

/** Enough for every race to settle: a first insert, a day's reset and the count each lost at most once. */
const ROUNDS = 4

export type Spend = { amount?: number; itemKey?: string }

/** Counts one more `action` (or `amount` photos) for this person, or answers RATE_LIMITED and counts nothing. */
export async function spendAllowance(userId: string, action: LimitedAction, now: number, spend: Spend = {}): Promise<Failure | null> {
  return (await takeAllowance(userId, action, now, spend)).refused
}

/** What a spend did: refused, or let through, and whether this call is the one that counted it (not a retry's first). */
type Taken = { refused: Failure | null; counted: boolean }
const passed: Taken = { refused: null, counted: false }

async function takeAllowance(userId: string, action: LimitedAction, now: number, { amount = 1, itemKey }: Spend): Promise<Taken> {
  if (amount <= 0) return passed
  const allowance = settings().rateLimits[action]
  const window = rateWindowAt(now)
  const _id = counterIdOf(action, userId)
  // More at once than a whole window allows (a deployment's photo allowance below an item's photos):
  // no wait would let it through, so the answer is to send fewer, not to try again later. Only photos
  // are spent more than one at a time.
  if (!fits({ day: window.day, total: 0, hours: {} }, window, allowance, amount)) {
    return { refused: failure('INVALID_INPUT', `photos: 一次最多 ${Math.min(allowance.perHour, allowance.perDay)} 张照片，请少选几张`), counted: false }
  }
  const _ = database().command

  const countToday = async () => {
    const result = await counters()
      .where({
        _id, day: window.day, total: _.lte(allowance.perDay - amount), [window.hourField]: _.lte(allowance.perHour - amount),
        ...(itemKey !== undefined && { recent: _.nin([itemKey]) }),
      })
      .update({ total: _.inc(amount), [window.hourField]: _.inc(amount), ...(itemKey !== undefined && { recent: _.push(itemKey) }) })
    return result.updated === 1
  }
  const startDay = async () => {
    const { _id: _ignored, ...fresh } = freshCounter(_id, window, amount, itemKey)
    const result = await counters().where({ _id, day: _.lt(window.day) }).update({ ...fresh, recent: _.set(fresh.recent), held: _.set(fresh.held) })
    return result.updated === 1
  }
  const insertFirst = async () => {
    try {
      await counters().add(freshCounter(_id, window, amount, itemKey))
      return true
    } catch (error) {
      if (isDuplicateWrite(error)) return false
      throw error
    }
  }

  const counted = (): Taken => {
    remember(_id, window)
    return { refused: null, counted: true }
  }
  const seen = lastSeenDay.get(_id)
  const writes = seen === window.day ? [countToday, startDay, insertFirst] : [startDay, countToday, insertFirst]
  // A counter this instance has never seen may be today's, an earlier day's, or none yet: with an
  // item key the three writes go out together, one round trip instead of up to three. At most one
  // lands: each records the key under today, and each one's condition excludes a counter of today
  // holding it (countToday: the key not in `recent`; startDay: an earlier day; insertFirst: no
  // document). Without a key a reset and a count could both land, so they go one after another.
  const together = seen === undefined && itemKey !== undefined
  if (together && (await Promise.all(writes.map((write) => write()))).some(Boolean)) return counted()
  for (let round = 0; round < ROUNDS; round++) {
    // Tried together and none landed: the counter is read first, as after any round.
    for (const write of together && round === 0 ? [] : writes) {
      if (await write()) return counted()
    }
    const { data } = await counters().doc(_id).get()
    const found = (data as unknown[])[0]
    if (found === undefined) continue
    const counter = Counter.parse(found)
    const counts = countsOf(counter)
    if (counter.day === window.day && itemKey !== undefined && counter.recent.includes(itemKey)) {
      // Counted by another call with this key (the same submit, sent twice at once, or retried): that
      // call may yet be refused and give its count back while this one keeps the item. Held here, the
      // count can no longer be given back (returnCount); already given back, it is counted as this call's.
      if (await holdShared(_id, window, itemKey)) {
        remember(_id, window)
        return passed
      }
      continue
    }
    // Another instance, its clock a little ahead, already started tomorrow: for the seconds around
    // midnight this one's clock is behind, let the call through uncounted rather than undo its reset.
    if (counter.day > window.day) return passed
    // Room after all: another call created or reset the document between our writes; count again.
    if (fits(counts, window, allowance, amount)) continue
    const retryAt = retryAtOf(counts, window, allowance, amount)
    return { refused: rateLimited(retryAt, `${action}: 太频繁了，请在 ${dateTimeLine(retryAt)} 以后再试`), counted: false }
  }
  throw new Error(`rate counter ${_id} did not settle in ${ROUNDS} rounds`)
}

type Spends = ReadonlyArray<Spend & { action: LimitedAction }>

export type SpentAhead = { refused: Failure | null; giveBack: () => Promise<void> }

/**
 * Several kinds at once (a filing and its photos), side by side, started before the caller's rights
 * are known (beside their record: one round trip less): the first refusal is the answer, and
 * `giveBack` undoes what this call counted, for a caller then refused, so a refusal leaves the counts
 * as they were. A count this call did not make (its key counted by an earlier or a simultaneous
 * call) is not its to give back. Lost (a crash between), the count errs on the side of the limit.
 */
export async function spendAhead(userId: string, now: number, spends: Spends): Promise<SpentAhead> {
  const taken = await Promise.all(spends.map(({ action, ...spend }) => takeAllowance(userId, action, now, spend)))
  const giveBack = async () => {
    await Promise.all(spends.map((spend, i) => (taken[i].counted ? returnCount(userId, now, spend) : undefined)))
  }
  return { refused: taken.find((t) => t.refused !== null)?.refused ?? null, giveBack }
}

/** Marks an item's count as relied on by a call that did not make it: `held` keys are never given back. */
async function holdShared(_id: string, window: RateWindow, itemKey: string): Promise<boolean> {
  const { updated } = await counters().where({ _id, day: window.day, recent: itemKey }).update({ held: database().command.push(itemKey) })
  return updated === 1
}

/**
 * One counted spend undone: only on today's counter still holding its key and no other call relying
 * on it (holdShared), so it never undoes another's. A counter this left at nothing (the person's first
 * spend, refused) goes, as if never made; one another call has counted on since keeps its count.
 */
async function returnCount(userId: string, now: number, { action, amount = 1, itemKey }: Spend & { action: LimitedAction }): Promise<void> {
  if (itemKey === undefined) return
  const window = rateWindowAt(now)
  const _ = database().command
  const _id = counterIdOf(action, userId)
  const { updated } = await counters()
    .where({ _id, day: window.day, recent: itemKey, held: _.nin([itemKey]) })
    .update({ total: _.inc(-amount), [window.hourField]: _.inc(-amount), recent: _.pull(itemKey) })
  if (updated === 1) await counters().where({ _id, total: 0 }).remove()
}

function remember(_id: string, window: RateWindow): void {
  if (lastSeenDay.size >= REMEMBERED) lastSeenDay.clear()
  lastSeenDay.set(_id, window.day)
}

function freshCounter(_id: string, window: RateWindow, amount: number, itemKey: string | undefined) {
  return {
    _id,
    day: window.day,
    total: amount,
    ...Object.fromEntries(hourFields.map((field) => [field, field === window.hourField ? amount : 0])),
    recent: itemKey === undefined ? [] : [itemKey],
    held: [] as string[],
  }
}

function countsOf(counter: Counter): DayCounts {
  const hours = Object.fromEntries(hourFields.map((field) => [field, typeof counter[field] === 'number' ? (counter[field] as number) : 0]))
  return { day: counter.day, total: counter.total, hours }
}
