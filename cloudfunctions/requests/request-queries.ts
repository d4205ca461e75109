import type { Period } from '../../types'
import { rateGroup, RateRow } from '../shared/core/request/signals'
import { gridWeeksOf, weeklyStages, WeeklyRow, type GridWeeks } from '../shared/core/request/weekly-trend'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { StoredRequest } from './request-store'

export type Order = [string, 'asc' | 'desc']

/**
 * How much of each document a read takes: a list row ('listed') never shows a timeline, so it is left
 * in the database; a reader that writes what it read (the timer) takes the document 'whole', for a
 * write must extend the timeline it holds (request-store writeTransition).
 */
export type Shape = 'listed' | 'whole'

/** The documents in order, ties broken by `_id` so that paging by offset never repeats or skips one. */
async function readRaw(where: object, orderBy: Order, offset: number, limit: number, shape: Shape): Promise<unknown[]> {
  let query = database().collection(Collections.requests).where(where).orderBy(orderBy[0], orderBy[1]).orderBy('_id', 'asc')
  if (shape === 'listed') query = query.field({ timeline: false })
  if (offset > 0) query = query.skip(offset)
  return (await query.limit(limit).get()).data as unknown[]
}

/**
 * Each document parsed, a malformed one logged and left out: one bad document must not stop the
 * timer's reminders, a workbench or a dashboard for every other item.
 */
function parseEach(docs: readonly unknown[]): StoredRequest[] {
  const parsed: StoredRequest[] = []
  for (const doc of docs) {
    const outcome = StoredRequest.safeParse(doc)
    if (outcome.success) parsed.push(outcome.data)
    else console.error(`[requests] skipped malformed request ${(doc as { _id?: unknown })._id}:`, outcome.error.issues.slice(0, 3))
  }
  return parsed
}

/** One page of a list; the cursor counts documents read, so one left out never shifts the next page. */
export async function pageRequests(where: object, orderBy: Order, offset: number, limit: number) {
  const raw = await readRaw(where, orderBy, offset, limit + 1, 'listed')
  return { items: parseEach(raw.slice(0, limit)), nextCursor: raw.length > limit ? String(offset + limit) : null }
}

/** Every request matching, paged through (CloudBase answers at most 1000 a call), up to `max` read. */
export async function allRequests(where: object, orderBy: Order, max: number, shape: Shape): Promise<StoredRequest[]> {
  const found: StoredRequest[] = []
  for (let read = 0; read < max; ) {
    const limit = Math.min(1000, max - read)
    const raw = await readRaw(where, orderBy, read, limit, shape)
    found.push(...parseEach(raw))
    read += raw.length
    if (raw.length < limit) break
  }
  return found
}

/** CloudBase's aggregate answers 20 rows unless limited, and at most 1000 a request. */
const ROWS_PER_REQUEST = 1000

/**
 * The rate counts per grid of every item matching, counted by the database (signals.ts rateGroup):
 * its input has no page limit, its output is a row per grid, one request for up to 1000 grids and
 * another per 1000 more, so no row is ever cut. A row that does not parse (a malformed item's grid
 * key) is logged and left out, as parseEach does.
 */
export async function rateRows(where: object, period: Period, now: number): Promise<RateRow[]> {
  const rows: RateRow[] = []
  for (let offset = 0; ; offset += ROWS_PER_REQUEST) {
    let query = database().collection(Collections.requests).aggregate().match(where).group(rateGroup(period, now)).sort({ '_id.communityId': 1, '_id.gridId': 1 })
    if (offset > 0) query = query.skip(offset)
    const { data } = (await query.limit(ROWS_PER_REQUEST).end()) as { data: unknown[] }
    for (const raw of data) {
      const row = RateRow.safeParse(raw)
      if (row.success) rows.push(row.data)
      else console.error('[requests] skipped a malformed rate row', (raw as { _id?: unknown })._id, row.error.issues.slice(0, 3))
    }
    if (data.length < ROWS_PER_REQUEST) return rows
  }
}

/** The weekly counts per grid (weekly-trend.ts), paged as rateRows is; a malformed row is logged and left out. */
export async function weeklyRows(where: object, weeks: readonly Period[], now: number): Promise<GridWeeks[]> {
  const rows: GridWeeks[] = []
  const { addFields, group } = weeklyStages(weeks, now)
  for (let offset = 0; ; offset += ROWS_PER_REQUEST) {
    let query = database().collection(Collections.requests).aggregate().match(where).addFields(addFields).group(group).sort({ '_id.communityId': 1, '_id.gridId': 1 })
    if (offset > 0) query = query.skip(offset)
    const { data } = (await query.limit(ROWS_PER_REQUEST).end()) as { data: unknown[] }
    for (const raw of data) {
      const row = WeeklyRow.safeParse(raw)
      if (row.success) rows.push(gridWeeksOf(row.data, weeks.length))
      else console.error('[requests] skipped a malformed weekly row', (raw as { _id?: unknown })._id, row.error.issues.slice(0, 3))
    }
    if (data.length < ROWS_PER_REQUEST) return rows
  }
}

export async function countRequests(where: object): Promise<number> {
  return (await database().collection(Collections.requests).where(where).count()).total as number
}
