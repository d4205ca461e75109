import { maxPicksOf, optionKeys, ownersOnly, type DecisionRule, type OptionKey, type OwnerFigures, type TopicOptions, type Verdict } from '../../../../types/council.schema'

/** What a close has counted: the electorate's size, the units that voted, each option's ballots, and for art. 278 the owners' figures. */
export type Tally = {
  eligibleUnits: number
  votedUnits: number
  /** Ballots naming each option; a choices ballot counts once for each choice it picked. */
  counts: Partial<Record<OptionKey, number>>
  owners?: OwnerFigures
}

export type Decision = { quorumMet: boolean; verdict: Verdict; adopted: OptionKey[] }

/** Areas are compared in whole hundredths of a square metre, so 2/3 of 100.01 m² is decided by integers, not by float rounding. */
const hundredths = (area: number): number => Math.round(area * 100)

/**
 * a ≥ (n/d) · b, in integers: "三分之二以上" and "四分之三以上" include the fraction itself (《民法典》
 * 第1259条: 以上 includes the number it follows).
 */
const atLeast = (a: number, n: number, d: number, b: number): boolean => a * d >= n * b
/** a > b / 2: "过半数" is strictly more than half. */
const moreThanHalf = (a: number, b: number): boolean => a * 2 > b

/**
 * Issue 8: "quorum (% of eligible units)". Met when the units that voted are at least that share of
 * the electorate; an empty electorate never meets it.
 */
export function quorumMet(tally: Pick<Tally, 'eligibleUnits' | 'votedUnits'>, quorumPercent: number): boolean {
  return tally.eligibleUnits > 0 && tally.votedUnits * 100 >= quorumPercent * tally.eligibleUnits
}

/**
 * 《民法典》第278条第2款: "应当由专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主参与表决" —
 * participation by owners of at least two thirds of the area and at least two thirds of the owners.
 */
export function art278Participation(owners: OwnerFigures): boolean {
  return (
    owners.eligibleOwners > 0 &&
    atLeast(hundredths(owners.votedArea), 2, 3, hundredths(owners.eligibleArea)) &&
    atLeast(owners.votedOwners, 2, 3, owners.eligibleOwners)
  )
}

/**
 * 《民法典》第278条第2款: clauses (6)–(8) (the repair fund, rebuilding, changing the use of common
 * parts) "应当经参与表决专有部分面积四分之三以上的业主且参与表决人数四分之三以上的业主同意"; every other
 * matter "应当经参与表决专有部分面积过半数的业主且参与表决人数过半数的业主同意".
 */
export function art278Approval(owners: OwnerFigures, special: boolean): boolean {
  const yesArea = hundredths(owners.yesArea)
  const votedArea = hundredths(owners.votedArea)
  if (special) return atLeast(yesArea, 3, 4, votedArea) && atLeast(owners.yesOwners, 3, 4, owners.votedOwners)
  return moreThanHalf(yesArea, votedArea) && moreThanHalf(owners.yesOwners, owners.votedOwners)
}

/**
 * The rule's verdict over a tally (issue 8: "decided / not decided / no quorum").
 * - majority, twoThirds on a yes/no question: of the votes cast for or against — abstentions count
 *   towards turnout and quorum, not as votes either way (Robert's Rules' "votes cast") — yes wins by
 *   more than half, or by at least two thirds.
 * - majority, twoThirds on choices: a choice is adopted when more than half (at least two thirds) of
 *   the ballots picked it; the topic is decided when at least one was, most-picked first, at most
 *   `maxPicks` of them.
 * - art278, art278Special: participation and approval by owners' area and headcount as the article
 *   says; the topic's own quorum does not apply, the article's participation is the quorum.
 */
export function decide(options: TopicOptions, rule: DecisionRule, quorumPercent: number, tally: Tally): Decision {
  const count = (key: OptionKey) => tally.counts[key] ?? 0
  if (ownersOnly(rule)) {
    if (!tally.owners || options.kind !== 'yesNo') throw new Error('art. 278 decides a yes/no question over owners’ figures')
    if (!art278Participation(tally.owners)) return { quorumMet: false, verdict: 'noQuorum', adopted: [] }
    const approved = art278Approval(tally.owners, rule === 'art278Special')
    return { quorumMet: true, verdict: approved ? 'decided' : 'notDecided', adopted: approved ? ['yes'] : [] }
  }
  if (!quorumMet(tally, quorumPercent)) return { quorumMet: false, verdict: 'noQuorum', adopted: [] }
  const passes = (votes: number, of: number) => (rule === 'majority' ? moreThanHalf(votes, of) : votes > 0 && atLeast(votes, 2, 3, of))
  if (options.kind === 'yesNo') {
    const yes = count('yes')
    const approved = passes(yes, yes + count('no'))
    return { quorumMet: true, verdict: approved ? 'decided' : 'notDecided', adopted: approved ? ['yes'] : [] }
  }
  const adopted = optionKeys(options)
    .filter((key) => passes(count(key), tally.votedUnits))
    .sort((a, b) => count(b) - count(a) || a.localeCompare(b))
    .slice(0, options.maxPicks)
  return { quorumMet: true, verdict: adopted.length > 0 ? 'decided' : 'notDecided', adopted }
}

/** Whether a set of option keys is a valid ballot on this topic: its own keys, each once, no more than it may pick. */
export function validBallot(options: TopicOptions, picked: readonly OptionKey[]): boolean {
  if (picked.length === 0 || new Set(picked).size !== picked.length) return false
  const keys = optionKeys(options)
  if (!picked.every((key) => keys.includes(key))) return false
  return picked.length <= maxPicksOf(options)
}
