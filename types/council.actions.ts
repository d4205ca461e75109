import { z } from 'zod'
import { Category } from './category.schema'
import {
  CommentText, CouncilPhotos, CouncilReason, DecisionRule, Electorate, FollowStage, OptionKey, ownersOnly, ProposalAction, ProposalStatus, TopicAction,
  TopicBackground, TopicOptions, TopicRelation, TopicResult, TopicScope, TopicStatus, TopicTitle, VotingUnit,
} from './council.schema'
import { pageOf, PageInput } from './paging.schema'
import { Period, PhotoView } from './request.actions'
import { IdempotencyKey } from './request.schema'
import { lazyActions } from './lazy-actions'

const Id = z.string().min(1).max(64)
const Timestamp = z.number().int().nonnegative()
const TopicRef = z.object({ topicId: Id })
const ProposalRef = z.object({ proposalId: Id })

/** Issue 8 Deliberation: "三方 participants labelled by role (居委会, 物业, 业委会, 居民代表)". */
export const SpeakerRole = z.enum(['committee', 'property', 'ownersCommittee', 'residentRep', 'resident'])
export type SpeakerRole = z.infer<typeof SpeakerRole>

export const CommentView = z.object({
  _id: Id,
  /** The comment it answers: one level of replies. */
  parentId: Id.nullable(),
  authorName: z.string(),
  role: SpeakerRole,
  /** Null once hidden: the reason stands in its place. */
  text: z.string().nullable(),
  hidden: z.object({ reason: z.string(), at: Timestamp }).nullable(),
  mine: z.boolean(),
  at: Timestamp,
})
export type CommentView = z.infer<typeof CommentView>

/** What the caller's own unit did: whether they may vote, and their ballot as they cast it (never anyone else's). */
export const MyBallot = z.object({
  /** Why not, when they may not: not bound, bound after voting opened, outside the scope, not the owner under art. 278. */
  eligible: z.boolean(),
  reason: z.string().optional(),
  options: z.array(OptionKey).nullable(),
  castAt: Timestamp.nullable(),
  /** The unit's line in the published proof, for checking it was counted as cast. */
  receipt: z.string().nullable(),
})
export type MyBallot = z.infer<typeof MyBallot>

export const FollowUpdate = z.object({ at: Timestamp, stage: FollowStage, text: z.string(), photos: z.array(PhotoView) })

/**
 * A topic as the caller may see it. Sealed (issue 8): while the window is open no answer carries
 * counts per option — `result` is null until the close stores it; `turnout` (units voted / eligible)
 * may be shown so people see whether quorum is near.
 */
export const TopicDetail = z.object({
  _id: Id,
  title: z.string(),
  background: z.string(),
  photos: z.array(PhotoView),
  scope: TopicScope,
  scopeLabel: z.string(),
  unit: VotingUnit,
  options: TopicOptions,
  rule: DecisionRule,
  quorumPercent: z.number(),
  opensAt: Timestamp,
  closesAt: Timestamp,
  status: TopicStatus,
  electorate: Electorate.nullable(),
  turnout: z.object({ voted: z.number().int().nonnegative(), eligible: z.number().int().nonnegative() }).nullable(),
  result: TopicResult.nullable(),
  followStage: FollowStage.nullable(),
  /** 议事会 minutes added while the topic was deliberated or voted on (issue 8 Deliberation). */
  minutes: z.array(z.object({ at: Timestamp, text: z.string(), photos: z.array(PhotoView) })),
  updates: z.array(FollowUpdate),
  /** Why the committee cancelled it, for everyone to read. */
  cancelReason: z.string().nullable(),
  myBallot: MyBallot,
  fromProposalId: Id.nullable(),
  fromRequestIds: z.array(Id),
  relations: z.array(TopicRelation),
  availableActions: z.array(TopicAction),
  createdAt: Timestamp,
})
export type TopicDetail = z.infer<typeof TopicDetail>

export const TopicListItem = z.object({
  _id: Id,
  title: z.string(),
  status: TopicStatus,
  scopeLabel: z.string(),
  opensAt: Timestamp,
  closesAt: Timestamp,
  /** Whether the caller's unit has a ballot in, while voting. */
  voted: z.boolean(),
  /** Whether the caller may vote on it at all (a tenant under art. 278, someone outside the scope may not). */
  eligible: z.boolean(),
  verdict: TopicResult.shape.verdict.nullable(),
  followStage: FollowStage.nullable(),
})
export type TopicListItem = z.infer<typeof TopicListItem>

export const ProposalView = z.object({
  _id: Id,
  title: z.string(),
  background: z.string(),
  scope: TopicScope,
  scopeLabel: z.string(),
  status: ProposalStatus,
  signatures: z.number().int().nonnegative(),
  threshold: z.number().int().positive(),
  expiresAt: Timestamp,
  /** Everyone reads a decline's reason (issue 8). */
  reason: z.string().nullable(),
  topicId: Id.nullable(),
  signedByMe: z.boolean(),
  mine: z.boolean(),
  availableActions: z.array(ProposalAction),
  /** Whether the caller may co-sign now: a verified resident in scope whose unit has not signed. */
  canSign: z.boolean(),
  createdAt: Timestamp,
})
export type ProposalView = z.infer<typeof ProposalView>

/** A staff-entered ballot for a resident who asked in person or by phone, waiting for a second member of staff. */
export const AssistedBallotView = z.object({
  _id: Id,
  topicId: Id,
  topicTitle: z.string(),
  /** The topic's options, so a choice key (c0…c7) is named by the topic's words without reading the topic. */
  topicOptions: TopicOptions,
  /** The resident's household as staff may see it in a list: building, never the room. */
  placeLabel: z.string(),
  residentName: z.string(),
  options: z.array(OptionKey),
  via: z.enum(['inPerson', 'phone']),
  note: z.string().nullable(),
  photos: z.array(PhotoView),
  status: z.enum(['pending', 'counted', 'refused', 'conflict']),
  enteredBy: z.string(),
  mine: z.boolean(),
  at: Timestamp,
})
export type AssistedBallotView = z.infer<typeof AssistedBallotView>

/** 每月一题: one recurring cluster of the month's requests, by category × place. */
export const MonthlyCluster = z.object({
  category: Category,
  placeKind: z.enum(['grid', 'estate']),
  placeId: Id,
  placeLabel: z.string(),
  count: z.number().int().nonnegative(),
  lastMonth: z.number().int().nonnegative(),
  examples: z.array(z.object({ requestId: Id, excerpt: z.string() })).max(3),
  requestIds: z.array(Id).max(50),
})
export type MonthlyCluster = z.infer<typeof MonthlyCluster>

/** What a topic is about and how it is decided: what the committee gives when opening one, or when accepting a proposal (whose scope is the proposal's). */
const TopicTerms = z.object({
  title: TopicTitle,
  background: TopicBackground,
  photos: CouncilPhotos,
  unit: VotingUnit,
  options: TopicOptions,
  rule: DecisionRule,
  quorumPercent: z.number().int().min(0).max(100),
  opensAt: Timestamp,
  closesAt: Timestamp,
  /** 每月一题: the month's requests this question answers (their filers are told, their timelines show its follow-through). */
  fromRequestIds: z.array(Id).max(50).optional(),
})

/** Issue 8: art. 278 is 业主共同决定 — a yes/no question, one vote per owner household. */
const art278Fits = (t: z.infer<typeof TopicTerms>) => !ownersOnly(t.rule) || (t.options.kind === 'yesNo' && t.unit === 'household')
const art278Message = { message: 'art. 278 decides a yes/no question, one vote per household' }

const TopicInput = TopicTerms.extend({ idempotencyKey: IdempotencyKey, scope: TopicScope }).strict().refine(art278Fits, art278Message)

/** Every action of the `council` function (issue 8): its input and output schemas, each built on its first use. */
export const councilActions = lazyActions({
  /** How many units a scope holds now, before a topic is opened over it (issue 8: "the electorate counted before opening"). */
  countElectorate: () => ({
    input: z.object({ scope: TopicScope, unit: VotingUnit, rule: DecisionRule }).strict(),
    output: z.object({ units: z.number().int().nonnegative(), ownerArea: z.number().nonnegative().optional(), households: z.number().int().nonnegative() }),
  }),
  /** The committee opens a topic over its community (the street, over several); idempotent by key. */
  openTopic: () => ({ input: TopicInput, output: TopicDetail }),
  /** Topics open to the caller: voting now in their scope, deliberating, and decided ones with their follow-through. */
  listTopics: () => ({ input: z.object({ view: z.enum(['open', 'decided', 'mine']), ...PageInput }).strict(), output: pageOf(TopicListItem) }),
  topic: () => ({ input: TopicRef.strict(), output: TopicDetail }),
  /** Cast or change the unit's ballot until the window closes; the latest counts and each change is an event. */
  vote: () => ({ input: TopicRef.extend({ options: z.array(OptionKey).min(1).max(8) }).strict(), output: MyBallot }),
  cancelTopic: () => ({ input: TopicRef.extend({ reason: CouncilReason }).strict(), output: TopicDetail }),
  /** Ends the window once it is over, when the timer has not yet (the close stores the result once). */
  closeTopic: () => ({ input: TopicRef.strict(), output: TopicDetail }),
  postUpdate: () => ({
    input: TopicRef.extend({ stage: FollowStage, text: z.string().trim().min(1).max(1000), photos: CouncilPhotos }).strict(),
    output: TopicDetail,
  }),
  /** 议事会 minutes, added by the topic's runners while it is deliberated or voted on. */
  addMinutes: () => ({ input: TopicRef.extend({ text: z.string().trim().min(1).max(2000), photos: CouncilPhotos }).strict(), output: TopicDetail }),
  /**
   * After close only: the proof's lines (unit hash, options), sorted — what the published hash is
   * taken over — a page at a time (10,000 lines would outgrow one answer), `total` of them in all.
   */
  proof: () => ({
    input: TopicRef.extend({ cursor: z.string().max(200).optional(), limit: z.number().int().min(1).max(1000).default(500) }).strict(),
    output: z.object({ hash: z.string(), lines: z.array(z.string()), total: z.number().int().nonnegative(), nextCursor: z.string().nullable() }),
  }),
  /** After close only, for the committee: which units voted (issue 8: "The committee may see which units voted, after close only"). */
  votedUnits: () => ({ input: TopicRef.strict(), output: z.array(z.object({ placeLabel: z.string(), via: z.enum(['app', 'assisted']) })) }),

  comments: () => ({ input: TopicRef.extend({ ...PageInput }).strict(), output: pageOf(CommentView) }),
  /** Idempotent by key, as filing: a comment sent again on a weak signal is the same comment, not a second one. */
  comment: () => ({ input: TopicRef.extend({ idempotencyKey: IdempotencyKey, text: CommentText, parentId: Id.optional() }).strict(), output: CommentView }),
  hideComment: () => ({ input: z.object({ commentId: Id, reason: CouncilReason }).strict(), output: CommentView }),

  propose: () => ({
    input: z.object({ idempotencyKey: IdempotencyKey, title: TopicTitle, background: TopicBackground, scope: TopicScope }).strict(),
    output: ProposalView,
  }),
  listProposals: () => ({ input: z.object({ view: z.enum(['gathering', 'toDecide', 'mine', 'all']), ...PageInput }).strict(), output: pageOf(ProposalView) }),
  proposal: () => ({ input: ProposalRef.strict(), output: ProposalView }),
  /** One co-signature per unit, safe under concurrency (a deterministic id). */
  cosign: () => ({ input: ProposalRef.strict(), output: ProposalView }),
  withdrawProposal: () => ({ input: ProposalRef.strict(), output: ProposalView }),
  /** The committee accepts a proposal as a topic (the topic's terms given as to openTopic) or declines it with a reason everyone reads. */
  decideProposal: () => ({
    input: z.union([
      ProposalRef.extend({ decision: z.literal('accept'), topic: TopicTerms.strict().refine(art278Fits, art278Message) }).strict(),
      ProposalRef.extend({ decision: z.literal('decline'), reason: CouncilReason }).strict(),
    ]),
    output: ProposalView,
  }),

  /** A staff member enters the ballot of a verified resident who asked in person or by phone. */
  enterAssistedBallot: () => ({
    input: TopicRef.extend({
      residentId: Id,
      options: z.array(OptionKey).min(1).max(8),
      via: z.enum(['inPerson', 'phone']),
      note: z.string().trim().min(1).max(200).optional(),
      photos: CouncilPhotos,
    }).strict(),
    output: AssistedBallotView,
  }),
  listAssistedBallots: () => ({ input: z.object({ status: z.enum(['pending', 'all']) }).strict(), output: z.array(AssistedBallotView) }),
  /** The second member of staff confirms (four eyes) or refuses; never the one who entered it. */
  decideAssistedBallot: () => ({
    input: z.union([
      z.object({ assistedId: Id, decision: z.literal('confirm') }).strict(),
      z.object({ assistedId: Id, decision: z.literal('refuse'), reason: CouncilReason }).strict(),
    ]),
    output: AssistedBallotView,
  }),

  /** 每月一题: the month's requests grouped by category × place, the recurring ones first. */
  monthlyClusters: () => ({
    input: z.object({ communityId: Id, period: Period }).strict(),
    output: z.array(MonthlyCluster),
  }),
  /** 每月一题 turned into proactive work instead of a topic: a 主动治理 request per cluster, linked to its requests. */
  adoptMonthlyQuestion: () => ({
    input: z.object({ communityId: Id, requestIds: z.array(Id).min(1).max(50), category: Category, text: z.string().trim().min(1).max(500) }).strict(),
    output: z.object({ requestId: Id }),
  }),
})
