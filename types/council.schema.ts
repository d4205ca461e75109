import { z } from 'zod'
import { Tenure } from './directory.schema'
import { FileId } from './request.schema'

const Id = z.string().min(1).max(64)
const Timestamp = z.number().int().nonnegative()

/** Counted in code points, as every text a resident types: an emoji costs one character. */
const chars = (max: number) =>
  z.string().trim().min(1).refine((s) => [...s].length <= max, { message: `at most ${max} characters` })

export const TopicTitle = chars(60)
export const TopicBackground = chars(3000)
export const CommentText = chars(500)
export const CouncilReason = chars(200)
export const CouncilPhotos = z.array(FileId).max(9)

/** Issue 8: "scope (community / grids / buildings)". */
export const TopicScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('community'), communityIds: z.array(Id).min(1).max(10) }),
  z.object({ kind: z.literal('grids'), gridIds: z.array(Id).min(1).max(50) }),
  z.object({ kind: z.literal('buildings'), buildingIds: z.array(Id).min(1).max(200) }),
])
export type TopicScope = z.infer<typeof TopicScope>

/**
 * Issue 8: "voting unit (per verified person or per household)". A household votes once whoever of it
 * casts the ballot; under 民法典 art. 278 the unit is the household and only its owner casts it.
 */
export const VotingUnit = z.enum(['person', 'household'])
export type VotingUnit = z.infer<typeof VotingUnit>

/**
 * Issue 8's decision rules: a simple majority of votes cast, two-thirds, or 业主共同决定 under
 * 民法典 art. 278 — `art278` for ordinary matters (more than half of the participating area and owners
 * approve), `art278Special` for the matters of its clauses (6)–(8): using or raising the repair fund,
 * rebuilding, changing the use of common parts (three quarters of each).
 */
export const DecisionRule = z.enum(['majority', 'twoThirds', 'art278', 'art278Special'])
export type DecisionRule = z.infer<typeof DecisionRule>

/** Art. 278 is 业主共同决定: only owners vote, one household each, its floor area counted with it. */
export const ownersOnly = (rule: DecisionRule): boolean => rule === 'art278' || rule === 'art278Special'

/** Whether someone holding their home so may cast a ballot under the rule: under art. 278 only its owner. */
export const tenureMayVote = (rule: DecisionRule, tenure: Tenure | undefined): boolean => !ownersOnly(rule) || tenure === 'owner'

/** A yes/no/abstain question, or 2–8 choices of which a ballot picks at most `maxPicks`. */
export const TopicOptions = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('yesNo') }),
  z.object({
    kind: z.literal('choices'),
    choices: z.array(chars(40)).min(2).max(8).refine((list) => new Set(list).size === list.length, { message: 'choices must differ' }),
    maxPicks: z.number().int().min(1).max(8),
  }).refine((o) => o.maxPicks <= o.choices.length, { message: 'maxPicks cannot exceed the number of choices' }),
])
export type TopicOptions = z.infer<typeof TopicOptions>

/** The option keys a ballot names: yes / no / abstain, or c0…c7 for the choices in their order. */
export const OptionKey = z.string().regex(/^(yes|no|abstain|c[0-7])$/)
export type OptionKey = z.infer<typeof OptionKey>

/** A topic's option keys in the order the ballot shows them: yes / no / abstain, or c0…c7 for its choices. */
export const optionKeys = (options: TopicOptions): OptionKey[] =>
  options.kind === 'yesNo' ? ['yes', 'no', 'abstain'] : options.choices.map((_, index) => `c${index}`)

/** How many options a ballot may pick: one on a yes/no question. */
export const maxPicksOf = (options: TopicOptions): number => (options.kind === 'yesNo' ? 1 : options.maxPicks)

/**
 * The one lifecycle of a topic; council/topic.machine.ts is the only door from one to another.
 * deliberating → voting → closed (the result stored once) → following (progress updates) → done;
 * cancelled before voting opens.
 */
export const TopicStatus = z.enum(['deliberating', 'voting', 'closed', 'following', 'done', 'cancelled'])
export type TopicStatus = z.infer<typeof TopicStatus>

export const TopicAction = z.enum(['addMinutes', 'openVoting', 'close', 'postUpdate', 'finish', 'cancel'])
export type TopicAction = z.infer<typeof TopicAction>

/** How a caller stands to a topic; council/council-policy.ts derives it from the actor and the directory. */
export const TopicRelation = z.enum(['committee', 'streetAdmin', 'voter', 'resident', 'system', 'other'])
export type TopicRelation = z.infer<typeof TopicRelation>

/** Issue 8 Close: "decided / not decided / no quorum". */
export const Verdict = z.enum(['decided', 'notDecided', 'noQuorum'])
export type Verdict = z.infer<typeof Verdict>

/** Art. 278 counts owners and their floor area besides units: what the tally carries for that rule. */
export const OwnerFigures = z.object({
  /** Owner units and their area in the electorate: every household of the scope, app or not. */
  eligibleOwners: z.number().int().nonnegative(),
  eligibleArea: z.number().nonnegative(),
  votedOwners: z.number().int().nonnegative(),
  votedArea: z.number().nonnegative(),
  yesOwners: z.number().int().nonnegative(),
  yesArea: z.number().nonnegative(),
})
export type OwnerFigures = z.infer<typeof OwnerFigures>

/**
 * The result, stored once at close and then only read (issue 8: "never recomputed"): counts per
 * option, turnout, quorum, the rule's verdict, and the proof — SHA-256 over the sorted (unit hash,
 * option) lines, so anyone given the ballots can check it.
 */
export const TopicResult = z.object({
  counts: z.record(OptionKey, z.number().int().nonnegative()),
  eligibleUnits: z.number().int().nonnegative(),
  votedUnits: z.number().int().nonnegative(),
  quorumMet: z.boolean(),
  verdict: Verdict,
  /** The choices adopted, for a choices topic that was decided. */
  adopted: z.array(OptionKey),
  owners: OwnerFigures.optional(),
  ballotsHash: z.string().regex(/^[0-9a-f]{64}$/),
  closedAt: Timestamp,
})
export type TopicResult = z.infer<typeof TopicResult>

/** Issue 8 Follow-through: "planned → in progress → done, with photos". */
export const FollowStage = z.enum(['planned', 'inProgress', 'done'])
export type FollowStage = z.infer<typeof FollowStage>

/** The stages a progress update may report after `current`: never back to one the follow-through has passed ('done' is the finish). */
export const updateStagesAfter = (current: FollowStage | null): Exclude<FollowStage, 'done'>[] =>
  current === 'inProgress' ? ['inProgress'] : current === 'done' ? [] : ['planned', 'inProgress']

export { GATHERING_DAYS } from './vocabulary'

/** Issue 8 Proposals: gathering co-signers → before the committee → accepted (a topic) / declined; or expired, withdrawn. */
export const ProposalStatus = z.enum(['gathering', 'awaitingDecision', 'accepted', 'declined', 'expired', 'withdrawn'])
export type ProposalStatus = z.infer<typeof ProposalStatus>

/** A co-signature is no step of the proposal: it is a document of its own (one per unit), counted; reaching the threshold is. */
export const ProposalAction = z.enum(['reachThreshold', 'accept', 'decline', 'expire', 'withdraw'])
export type ProposalAction = z.infer<typeof ProposalAction>

export const ProposalRelation = z.enum(['proposer', 'cosigner', 'resident', 'committee', 'system', 'other'])
export type ProposalRelation = z.infer<typeof ProposalRelation>

/** What the electorate was when voting opened (issue 8: "fixed when voting opens and its size shown"). */
export const Electorate = z.object({
  units: z.number().int().nonnegative(),
  /** Art. 278: the owners' total floor area (专有部分面积) in the scope, m². */
  ownerArea: z.number().nonnegative().optional(),
  fixedAt: Timestamp,
})
export type Electorate = z.infer<typeof Electorate>

export const Topic = z.object({
  _id: Id,
  title: TopicTitle,
  background: TopicBackground,
  /** Photos of the place, and of 议事会 minutes. */
  photos: CouncilPhotos,
  scope: TopicScope,
  /** The communities the scope lies in: whose committees run the topic. */
  communityIds: z.array(Id).min(1).max(10),
  streetId: Id,
  unit: VotingUnit,
  options: TopicOptions,
  rule: DecisionRule,
  /** % of eligible units that must vote; art. 278's own participation replaces it for that rule. */
  quorumPercent: z.number().int().min(0).max(100),
  opensAt: Timestamp,
  closesAt: Timestamp,
  status: TopicStatus,
  openedBy: Id,
  /** The resident proposal it came from, or the month's requests it answers (每月一题). */
  fromProposalId: Id.nullable(),
  fromRequestIds: z.array(Id).max(50),
  electorate: Electorate.nullable(),
  result: TopicResult.nullable(),
  followStage: FollowStage.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Bumped by every transition: writes are conditional on it. */
  version: z.number().int().nonnegative(),
})
export type Topic = z.infer<typeof Topic>

export const TopicEvent = z.object({
  _id: z.string().min(1).max(80),
  topicId: Id,
  seq: z.number().int().nonnegative(),
  at: Timestamp,
  actorId: Id,
  relation: TopicRelation,
  action: z.union([z.literal('open'), TopicAction]),
  from: TopicStatus.nullable(),
  to: TopicStatus,
  note: z.string().max(1000).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
})
export type TopicEvent = z.infer<typeof TopicEvent>

export const Proposal = z.object({
  _id: Id,
  proposerId: Id,
  communityId: Id,
  streetId: Id,
  scope: TopicScope,
  title: TopicTitle,
  background: TopicBackground,
  /** Co-signing units needed (issue 8: "default: 10 households or 5% of units, the committee's setting"). */
  threshold: z.number().int().min(1),
  /** Issue 8: "within 14 days". */
  expiresAt: Timestamp,
  status: ProposalStatus,
  decidedBy: Id.nullable(),
  /** A decline's reason, which everyone can read. */
  reason: CouncilReason.nullable(),
  topicId: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int().nonnegative(),
})
export type Proposal = z.infer<typeof Proposal>

export const ProposalEvent = z.object({
  _id: z.string().min(1).max(80),
  proposalId: Id,
  seq: z.number().int().nonnegative(),
  at: Timestamp,
  actorId: Id,
  relation: ProposalRelation,
  action: z.union([z.literal('propose'), ProposalAction]),
  from: ProposalStatus.nullable(),
  to: ProposalStatus,
  note: z.string().max(1000).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
})
export type ProposalEvent = z.infer<typeof ProposalEvent>
