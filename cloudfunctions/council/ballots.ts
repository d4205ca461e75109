import { createHash, randomUUID } from 'node:crypto'
import { z } from 'zod'
import { OptionKey, type TopicOptions } from '../../types'
import { proofText, type CountedBallot } from '../shared/core/council/ballot-proof'
import type { Tally } from '../shared/core/council/decision-rules'
import { changeWindowAt } from '../shared/core/council/ballot-changes'
import type { Allowance } from '../shared/core/rate-limits'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { findMany } from '../shared/runtime/documents'
import { insertIgnoringDuplicates } from '../shared/runtime/insert-once'
import type { Voter } from './electorate'

/**
 * One ballot per topic × unit (issue 8: "enforced by the database (a deterministic id per topic ×
 * unit), never by a read-then-write"). The documents are made when voting opens, one per unit of the
 * electorate, empty: the electorate is the set of them, and a vote is one conditional update of the
 * unit's own document — a unit outside the electorate has none to update, a second vote of the same
 * unit updates the same one (the latest counts), and the window is in the condition.
 */
export const Ballot = z.object({
  _id: z.string(),
  topicId: z.string(),
  /** The unit's line in the proof: a hash salted per topic, so no one can name a household's line from its id. */
  unitHash: z.string(),
  unitId: z.string(),
  householdId: z.string(),
  area: z.number().optional(),
  options: z.array(OptionKey).nullable(),
  /** How the latest ballot came in: the resident's own app, or staff entering it for them (confirmed by another). */
  via: z.enum(['app', 'assisted']).nullable(),
  castBy: z.string().nullable(),
  castAt: z.number().nullable(),
  changes: z.number().int().nonnegative(),
  /**
   * Every cast and change of this ballot, appended by the same update that casts it (issue 8: "each
   * change is an event"): one write a vote, and the ballot's story never apart from the ballot.
   */
  history: z.array(z.object({ options: z.array(OptionKey), by: z.string(), via: z.enum(['app', 'assisted']), at: z.number() })),
  /** The changes of this ballot per window (core/council/ballot-changes.ts): the vote-change limit, held by the ballot. */
  changeCounts: z.record(z.string(), z.number()).optional(),
  /** The window, copied from the topic: a vote's condition reads it from the ballot itself. */
  opensAt: z.number(),
  closesAt: z.number(),
})
export type Ballot = z.infer<typeof Ballot>

export const unitHashOf = (salt: string, unitId: string): string => createHash('sha256').update(`${salt}\n${unitId}`).digest('hex')
export const ballotIdOf = (unitHash: string): string => `ballot-${unitHash.slice(0, 40)}`
export const newProofSalt = (): string => createHash('sha256').update(randomUUID()).digest('hex')

const ballots = () => database().collection(Collections.ballots)
/** Inserted this many at a time: an electorate of 10,000 households is 20 writes. */
const BATCH = 500

/**
 * The empty ballots of an electorate, as voting opens. Idempotent: a retried opening finds them there.
 * Answers how many this call inserted (those another opening had made are not counted).
 */
export async function createBallots(topic: { _id: string; proofSalt: string; opensAt: number; closesAt: number }, voters: readonly Voter[]): Promise<number> {
  const docs: Ballot[] = voters.map((voter) => {
    const unitHash = unitHashOf(topic.proofSalt, voter.unitId)
    return {
      _id: ballotIdOf(unitHash), topicId: topic._id, unitHash, unitId: voter.unitId, householdId: voter.householdId,
      ...(voter.area !== undefined && { area: voter.area }), options: null, via: null, castBy: null, castAt: null, changes: 0, history: [], opensAt: topic.opensAt, closesAt: topic.closesAt,
    }
  })
  // The batches go out together: 10,000 households are one round trip of 20 inserts, not 20 trips.
  const batches = Array.from({ length: Math.ceil(docs.length / BATCH) }, (_, i) => docs.slice(i * BATCH, (i + 1) * BATCH))
  const inserted = await Promise.all(batches.map((batch) => insertIgnoringDuplicates(ballots(), batch)))
  return inserted.reduce((sum, batch) => sum + batch.length, 0)
}

export type Cast = { options: string[]; by: string; via: 'app' | 'assisted'; at: number }

/**
 * The unit's ballot, cast or changed, while the window is open: one conditional update, its history
 * line pushed with it. `onlyIfEmpty` is for an assisted ballot, which must not replace a vote the
 * resident cast themself (issue 8: "a conflict is flagged, never double counted"). `onlyIfFirst` goes in
 * only if nobody has cast this ballot yet; `change` only if someone has and the ballot's changes in this
 * hour and day leave room under the allowance, counting this one in the same update
 * (core/council/ballot-changes.ts): a first vote is never limited, a change always is.
 * Answers whether it went in.
 */
export async function castBallot(ballotId: string, cast: Cast, when: { onlyIfEmpty?: boolean; onlyIfFirst?: boolean; change?: Allowance } = {}): Promise<boolean> {
  const _ = database().command
  const window = when.change && changeWindowAt(cast.at)
  const below = (key: string, limit: number) => _.or([{ [`changeCounts.${key}`]: _.exists(false) }, { [`changeCounts.${key}`]: _.lt(limit) }])
  const where = {
    _id: ballotId, opensAt: _.lte(cast.at), closesAt: _.gt(cast.at), ...(when.onlyIfEmpty && { via: null }), ...(when.onlyIfFirst && { changes: 0 }),
    ...(when.change && { changes: _.gt(0) }),
  }
  const options = [...cast.options].sort()
  const result = (await ballots().where(window ? _.and([where, below(window.dayKey, when.change!.perDay), below(window.hourKey, when.change!.perHour)]) : where).update({
    options: _.set(options), via: cast.via, castBy: cast.by, castAt: cast.at, changes: _.inc(1),
    history: _.push({ options, by: cast.by, via: cast.via, at: cast.at }),
    ...(window && { [`changeCounts.${window.dayKey}`]: _.inc(1), [`changeCounts.${window.hourKey}`]: _.inc(1) }),
  })) as { updated?: number }
  return result.updated === 1
}

export async function loadBallot(ballotId: string): Promise<Ballot | null> {
  const { data } = await ballots().doc(ballotId).get()
  const doc = (data as unknown[])[0]
  return doc === undefined ? null : Ballot.parse(doc)
}

/** While voting: how many units have a ballot in (turnout), never what they chose. */
export async function votedCount(topicId: string): Promise<number> {
  const _ = database().command
  return ((await ballots().where({ topicId, via: _.neq(null) }).count()) as { total: number }).total
}

const CountRow = z.object({ _id: z.string(), ballots: z.number(), area: z.number().nullable().optional() })

/**
 * Issue 8 Close: "one aggregate tallies" — per option, the ballots naming it and their owners' area
 * (a choices ballot counts once for each choice it picked).
 */
export async function tallyByAggregate(topicId: string, options: TopicOptions): Promise<Pick<Tally, 'counts'> & { areaByOption: Record<string, number> }> {
  const _ = database().command
  const $ = database().command.aggregate
  let pipeline = ballots().aggregate().match({ topicId, via: _.neq(null) }).unwind('$options')
  pipeline = pipeline.group({ _id: '$options', ballots: $.sum(1), area: $.sum('$area') })
  const { data } = await pipeline.limit(options.kind === 'choices' ? 8 : 3).end()
  const rows = (data as unknown[]).map((row) => CountRow.parse(row))
  return {
    counts: Object.fromEntries(rows.map((row) => [row._id, row.ballots])),
    areaByOption: Object.fromEntries(rows.map((row) => [row._id, row.area ?? 0])),
  }
}

const ProofRow = z.object({ unitHash: z.string(), options: z.array(OptionKey), area: z.number().optional(), castBy: z.string().nullable().optional() })
const proofFields = { unitHash: true, options: true, area: true } as const

/**
 * Every cast ballot as the proof sees it: its unit hash and options (and area), in hash order; with
 * `castBy`, who cast it as well (a close tells its voters from the same read).
 */
export async function countedBallots(topicId: string, { castBy = false } = {}): Promise<(CountedBallot & { castBy?: string | null })[]> {
  const _ = database().command
  return findMany(Collections.ballots, { topicId, via: _.neq(null) }, ProofRow, { orderBy: ['unitHash', 'asc'], fields: castBy ? { ...proofFields, castBy: true } : proofFields })
}

export const proofHash = (ballots: readonly CountedBallot[]): string => createHash('sha256').update(proofText(ballots)).digest('hex')
