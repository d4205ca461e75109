import type { OptionKey, OwnerFigures } from '../../../../types/council.schema'
import type { Tally } from './decision-rules'

/** One counted ballot as the proof and the tally see it: the unit only as its hash, its choice, and for art. 278 the owner's area. */
export type CountedBallot = { unitHash: string; options: readonly OptionKey[]; area?: number }

/**
 * Issue 8 Close: "a SHA-256 over the sorted list of (unit hash, option)". One line per ballot,
 * `<unit hash> <options, sorted, comma-separated>`, the lines sorted and joined by newlines: the text
 * the runtime hashes, and what anyone given the ballots rebuilds to check the published hash. Sorting
 * makes it independent of the order ballots were cast or read.
 */
export function proofText(ballots: readonly CountedBallot[]): string {
  return ballots
    .map((b) => `${b.unitHash} ${[...b.options].sort().join(',')}`)
    .sort()
    .join('\n')
}

/**
 * The tally of the ballots themselves, as the close's aggregate counts it in the database: the
 * reference the aggregate is checked against, and what the proof's lines add up to.
 */
export function tallyOf(ballots: readonly CountedBallot[], electorate: { units: number; ownerArea?: number }): Tally {
  const counts: Partial<Record<OptionKey, number>> = {}
  for (const ballot of ballots) for (const option of ballot.options) counts[option] = (counts[option] ?? 0) + 1
  const tally: Tally = { eligibleUnits: electorate.units, votedUnits: ballots.length, counts }
  if (electorate.ownerArea === undefined) return tally
  const area = (list: readonly CountedBallot[]) => list.reduce((sum, b) => sum + (b.area ?? 0), 0)
  const yes = ballots.filter((b) => b.options.includes('yes'))
  const owners: OwnerFigures = {
    eligibleOwners: electorate.units, eligibleArea: electorate.ownerArea, votedOwners: ballots.length, votedArea: area(ballots), yesOwners: yes.length, yesArea: area(yes),
  }
  return { ...tally, owners }
}
