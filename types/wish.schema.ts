import { z } from 'zod'
import { FileId, IdempotencyKey } from './request.schema'
import { LocateRule, RouteTarget } from './route.schema'

const Id = z.string().min(1).max(64)
const Timestamp = z.number().int().nonnegative()

/** Counted in code points, as request texts are: an emoji costs a resident one character. */
const chars = (max: number) =>
  z.string().trim().min(1).refine((s) => [...s].length <= max, { message: `at most ${max} characters` })

/** Issue 7: "category (生活帮扶, 助老助残, 助学, 健康, 物品, 其他)". */
export const WishCategory = z.enum(['life', 'elderlyDisabled', 'study', 'health', 'goods', 'other'])
export type WishCategory = z.infer<typeof WishCategory>

export { wishCategoryLabels } from './vocabulary'

/** Named apart from notice.schema.ts's Delivery (a message's delivery), which types/index.ts also exports. Issue 7: "上门 at home, or 送到居委会/党群服务站 so the helper never needs the address". */
export const WishDelivery = z.enum(['home', 'station'])
export type WishDelivery = z.infer<typeof WishDelivery>

export const deliveryLabels: Record<WishDelivery, string> = {
  home: '上门',
  station: '送到居委会/党群服务站',
}

/** Issue 7: "text (≤ 500 characters), up to 3 photos". */
export const WishText = chars(500)
export const WishPhotos = z.array(FileId).max(3)
/** The masked public line of the wish wall: short enough that it cannot carry a name and an address. */
export const WishSummary = chars(60)
export const WishNote = chars(500)
export const WishReason = chars(200)

/**
 * The one lifecycle of a wish; wish.machine.ts is the only door from one to another.
 *
 * Widening is not a status: a widened wish is as published as before (the same claim, the same
 * withdraw), only seen by more members. It is `audience` ('branch' → 'community') with `widenAt`,
 * so no transition has to be written twice for a narrow and a wide published wish. Content safety's
 * flag and the 90-day repeat are marks for the reviewer (every wish is reviewed anyway), not statuses;
 * a resident's request to cancel after a claim is `cancelRequest`, the claim stands until the claimer
 * agrees or the committee revokes.
 */
export const WishStatus = z.enum([
  'inReview', // posted: waits for 核实 by the committee or the grid worker
  'published', // seen by the matching branch, after widening by the community's 大党委
  'claimed', // one member holds the lock until claim.lockUntil
  'fulfilled', // the claimer marked it done; waits for the resident's (or the grid worker's) confirmation
  'realised', // confirmed: credited, shown on the wish wall
  'returned', // not published, with a reason the resident sees
  'withdrawn', // by the resident before a claim, or cancelled with the claimer's agreement after one
  'converted', // turned into a 有困难找居村 request (convertedTo keeps the link)
  'expired', // its needed-by day passed before anyone claimed it: the resident is told, nothing is left waiting
])
export type WishStatus = z.infer<typeof WishStatus>

/** Issue 7: "A member holds at most 3 live claims." */
export const MAX_LIVE_CLAIMS = 3

/** Every transition; posting is the first event (`post`), not a transition from a status. */
export const WishAction = z.enum([
  'flag', 'publish', 'return', 'convert', 'widen', 'claim', 'release', 'revoke', 'lapse', 'remindLapse',
  'fulfil', 'confirm', 'confirmByVisit', 'askToCheck', 'withdraw', 'requestCancel', 'agreeCancel', 'expire',
])
export type WishAction = z.infer<typeof WishAction>

/** How a caller stands to one wish; wish-policy.ts derives it from the actor and the directory's facts. */
export const WishRelation = z.enum([
  'wisher', // the resident who posted it
  'claimer', // the member holding the current claim
  'branchMember', // a verified member of the matching branch (双报到 members who reported there included)
  'widenedMember', // a verified member within the community's 大党委 but not of the matching branch
  'committee', // committee staff of the wish's community
  'gridWorker', // a grid worker of the wish's grid
  'branchSecretary', // the secretary of the matching branch
  'system', // the timer, content safety
  'other',
])
export type WishRelation = z.infer<typeof WishRelation>

/** Issue 7 Route: "`rule` says which decided" — the most local party organisation there is. */
export const WishRouteRule = z.enum(['centreHousehold', 'partyGroup', 'gridBranch', 'communityOnly'])
export type WishRouteRule = z.infer<typeof WishRouteRule>

export const WishRoute = z.object({
  communityId: Id,
  gridId: Id.nullable(),
  buildingId: Id.nullable(),
  /** The grid's party branch: whose members see the wish first. */
  branchId: Id.nullable(),
  partyGroupId: Id.nullable(),
  /** 党员中心户, where there is one. */
  centreHouseholdId: Id.nullable(),
  locateRule: LocateRule,
  rule: WishRouteRule,
})
export type WishRoute = z.infer<typeof WishRoute>

export const WishAudience = z.enum(['branch', 'community'])
export type WishAudience = z.infer<typeof WishAudience>

export const WishMark = z.object({ kind: z.enum(['contentFlag', 'repeatCategory']), detail: z.string().max(200) })
export type WishMark = z.infer<typeof WishMark>

export const WishClaim = z.object({
  memberId: Id,
  at: Timestamp,
  /** Issue 7: "a lock with a deadline (configurable per category, default 7 days, never past the needed-by date)". */
  lockUntil: Timestamp,
  /** The 24-h reminder went out for this claim. */
  remindedAt: Timestamp.nullable(),
})
export type WishClaim = z.infer<typeof WishClaim>

export const WishFulfilment = z.object({ memberId: Id, note: WishNote, photos: WishPhotos, at: Timestamp })
export type WishFulfilment = z.infer<typeof WishFulfilment>

export const WishConfirmation = z.object({
  /** Issue 7: the grid worker's confirmation is "recorded as such". */
  via: z.enum(['wisher', 'visit', 'call']),
  by: Id,
  at: Timestamp,
  thanks: z.string().trim().max(200).optional(),
  rating: z.number().int().min(1).max(5).optional(),
})
export type WishConfirmation = z.infer<typeof WishConfirmation>

export const Wish = z.object({
  _id: Id,
  idempotencyKey: IdempotencyKey,
  wisherId: Id,
  place: RouteTarget,
  streetId: Id,
  route: WishRoute,
  category: WishCategory,
  text: WishText,
  photos: WishPhotos,
  /** The end of the needed-by day, Beijing time (wish-times.ts neededByOf). */
  neededBy: Timestamp,
  delivery: WishDelivery,
  status: WishStatus,
  marks: z.array(WishMark).max(10),
  summary: WishSummary.nullable(),
  reviewedBy: Id.nullable(),
  returnReason: WishReason.nullable(),
  /** The 有困难找居村 request it became; the request keeps the wish's id in turn. */
  convertedTo: Id.nullable(),
  audience: WishAudience,
  publishedAt: Timestamp.nullable(),
  widenAt: Timestamp.nullable(),
  widenedAt: Timestamp.nullable(),
  claim: WishClaim.nullable(),
  /** When the first claim came: 认领用时 (signals) counts from publishing to it, whatever became of that claim. */
  firstClaimedAt: Timestamp.nullable(),
  cancelRequest: z.object({ at: Timestamp, reason: WishReason }).nullable(),
  fulfilment: WishFulfilment.nullable(),
  confirmation: WishConfirmation.nullable(),
  checkAskedAt: Timestamp.nullable(),
  /** Claims that ran out on this wish; each member's own count is read from the events. */
  lapses: z.number().int().nonnegative(),
  closedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Bumped by every transition: writes are conditional on it, so of many claims exactly one wins. */
  version: z.number().int().nonnegative(),
})
export type Wish = z.infer<typeof Wish>

/** One line of the timeline: append-only; `_id` is `${wishId}#${seq}`, so a replayed write collides. */
export const WishEvent = z.object({
  _id: z.string().min(1).max(80),
  wishId: Id,
  seq: z.number().int().nonnegative(),
  at: Timestamp,
  actorId: Id,
  relation: WishRelation,
  action: z.union([z.literal('post'), WishAction]),
  from: WishStatus.nullable(),
  to: WishStatus,
  note: z.string().max(500).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
})
export type WishEvent = z.infer<typeof WishEvent>

/** Issue 7 Ledger: credit "to the member and to their branch (and to the member's workplace organisation for 双报到 members)". */
export const CreditAccount = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), id: Id }),
  z.object({ kind: z.literal('branch'), id: Id }),
  z.object({ kind: z.literal('workplace'), name: z.string().trim().min(1).max(80) }),
])
export type CreditAccount = z.infer<typeof CreditAccount>

/**
 * One ledger line, never edited: `_id` derives from the confirming event, so a retried confirm writes
 * the same ids and credits once; a reversal is a line of its own (`reversalOf`) with a reason.
 */
export const CreditEntry = z.object({
  _id: z.string().min(1).max(200),
  wishId: Id,
  /** The wish's community: rankings are a community's, over a period. */
  communityId: Id,
  eventId: z.string().min(1).max(80),
  to: CreditAccount,
  /** One confirmed fulfilment; a reversal carries the negative. */
  amount: z.number().int(),
  reason: z.string().trim().min(1).max(200),
  at: Timestamp,
  reversalOf: z.string().min(1).max(200).optional(),
  /** Who reversed it: a reversal is a committee member's decision, on the record. */
  by: Id.optional(),
})
export type CreditEntry = z.infer<typeof CreditEntry>
