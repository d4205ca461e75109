import type { WishSignals } from '../../../../types/wish.actions'
import type { Wish } from '../../../../types/wish.schema'

const HOUR_MS = 3_600_000

export type SignalWish = Pick<Wish, 'status' | 'publishedAt' | 'firstClaimedAt' | 'confirmation' | 'lapses' | 'audience' | 'route'>

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / HOUR_MS) * 10) / 10)

/**
 * Issue 7 Signals over the wishes posted in a period: "posted / claimed / realised …; median time to
 * claim and to realise; lapses; unclaimed after widening". Both times count from publishing — before
 * it the wish was the reviewers', not the members' — to the first claim (whatever became of it) and
 * to the confirmation.
 */
export function wishSignals(wishes: readonly SignalWish[]): WishSignals {
  const sincePublished = (at: number | null | undefined, w: SignalWish) => (at != null && w.publishedAt !== null ? [at - w.publishedAt] : [])
  return {
    posted: wishes.length,
    published: wishes.filter((w) => w.publishedAt !== null).length,
    claimed: wishes.filter((w) => w.firstClaimedAt !== null).length,
    realised: wishes.filter((w) => w.status === 'realised').length,
    medianHoursToClaim: hours(median(wishes.flatMap((w) => sincePublished(w.firstClaimedAt, w)))),
    medianHoursToRealise: hours(median(wishes.filter((w) => w.status === 'realised').flatMap((w) => sincePublished(w.confirmation?.at, w)))),
    lapses: wishes.reduce((sum, w) => sum + w.lapses, 0),
    unclaimedAfterWidening: wishes.filter((w) => w.status === 'published' && w.audience === 'community').length,
  }
}

/** The signals of each unit named, in the order given, with zeros for a unit nothing was posted in. */
export function signalsBy<K extends string>(wishes: readonly SignalWish[], units: readonly K[], unitOf: (w: SignalWish) => string | null): Map<K, WishSignals> {
  const groups = new Map<K, SignalWish[]>(units.map((unit) => [unit, []]))
  for (const w of wishes) {
    const unit = unitOf(w)
    if (unit !== null) groups.get(unit as K)?.push(w)
  }
  return new Map([...groups].map(([unit, group]) => [unit, wishSignals(group)]))
}
