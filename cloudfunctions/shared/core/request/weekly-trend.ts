import { z } from 'zod'
import { RateCounts, type Period, type RequestRates } from '../../../../types/request.actions'
import { rateConditions, ratesOf, within, type Expr } from './signals'

/**
 * The dashboard's chart: the three rates week by week and how many items each grid took in, summed
 * by the database (a row per grid, a column per week and count), so the page is sent a few numbers
 * per week and never the items themselves.
 *
 * A week's rates follow signals.ts exactly, with the week as the period; `filed` counts every item
 * that came in that week (residents', 代办 and 主动治理 alike): the grid's workload, not a rate.
 *
 * Each of rateConditions' counts is bounded by one time field (its `within`); so each condition is
 * judged once per item over the whole range, and the item's week is read off that field. Judged
 * per week instead, an item would cost eight times the work, which a street's year of items feels.
 */
const field = (week: number, count: string) => `w${week}_${count}`
const WEEK_MS = 7 * 86_400_000

type Count = keyof RateCounts | 'filed'
/** The time field whose week a count falls in: the field inside each count's `within` (signals.ts). */
const weekField: Record<Count, string> = {
  dispatched: 'dispatchedAt',
  responseCounted: 'dispatchedAt',
  respondedOnTime: 'dispatchedAt',
  rated: 'rating.at',
  resolved: 'rating.at',
  partly: 'rating.at',
  satisfied: 'rating.at',
  closedUnrated: 'closedAt',
  proactive: 'createdAt',
  filed: 'createdAt',
}
const weekAlias = (path: string) => `week_${path.replace('.', '_')}`
const flag = (count: Count) => `is_${count}`

/**
 * Two stages over the matched items: `$addFields` (each count's condition over the range, and the
 * week index of each time field) and `$group` (a row per grid). `weeks` are consecutive weeks.
 */
export function weeklyStages(weeks: readonly Period[], now: number): { addFields: { [field: string]: Expr }; group: { [field: string]: Expr } } {
  const range = { from: weeks[0].from, to: weeks[weeks.length - 1].to }
  const conditions: Record<Count, Expr> = { ...rateConditions(range, now), filed: within('createdAt', range) }
  const counts = Object.keys(weekField) as Count[]
  const addFields: { [field: string]: Expr } = Object.fromEntries(counts.map((count) => [flag(count), { $cond: [conditions[count], 1, 0] }]))
  for (const path of new Set(Object.values(weekField))) {
    addFields[weekAlias(path)] = { $floor: { $divide: [{ $subtract: [{ $ifNull: [`$${path}`, -1] }, range.from] }, WEEK_MS] } }
  }
  const sums: [string, Expr][] = []
  weeks.forEach((_, i) => {
    for (const count of counts) sums.push([field(i, count), { $sum: { $cond: [{ $eq: [`$${weekAlias(weekField[count])}`, i] }, `$${flag(count)}`, 0] } }])
  })
  return { addFields, group: { _id: { communityId: '$route.communityId', gridId: '$route.gridId' }, ...Object.fromEntries(sums) } }
}

/** One row `weeklyStages` yields: the grid key (a missing gridId is the community's own queue) and a count per week. */
export const WeeklyRow = z
  .object({ _id: z.object({ communityId: z.string(), gridId: z.string().nullish().transform((id) => id ?? null) }) })
  .catchall(z.number().int().nonnegative())
export type WeeklyRow = z.output<typeof WeeklyRow>

export type GridWeeks = { communityId: string; gridId: string | null; counts: RateCounts[]; filed: number[] }

const countKeys = Object.keys(RateCounts.shape) as (keyof RateCounts)[]
const read = (row: WeeklyRow, name: string): number => {
  const value = row[name]
  return typeof value === 'number' ? value : 0
}

/** A row's columns back into a list of weeks, oldest first. */
export function gridWeeksOf(row: WeeklyRow, weekCount: number): GridWeeks {
  const weeks = Array.from({ length: weekCount }, (_, i) => i)
  return {
    communityId: row._id.communityId,
    gridId: row._id.gridId,
    counts: weeks.map((i) => Object.fromEntries(countKeys.map((k) => [k, read(row, field(i, k))])) as RateCounts),
    filed: weeks.map((i) => read(row, field(i, 'filed'))),
  }
}

/** The scope's rates per week: every grid's counts added, the rates taken again from the sums. */
export function weeklyRates(rows: readonly GridWeeks[], weekCount: number): RequestRates[] {
  return Array.from({ length: weekCount }, (_, i) => {
    const sum = Object.fromEntries(countKeys.map((k) => [k, rows.reduce((n, row) => n + row.counts[i][k], 0)])) as RateCounts
    return ratesOf(sum)
  })
}
