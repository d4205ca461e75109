import { z } from 'zod'
import { Category } from './category.schema'
import { pageOf, PageInput } from './paging.schema'
import { Period, PhotoView } from './request.actions'
import { IdempotencyKey } from './request.schema'
import { RouteTarget } from './route.schema'
import {
  WishAction, WishAudience, WishCategory, WishDelivery, WishMark, WishNote, WishPhotos, WishReason, WishRelation, WishRouteRule, WishStatus,
  WishSummary, WishText,
} from './wish.schema'
import { lazyActions } from './lazy-actions'

const Id = z.string().min(1).max(64)
const Timestamp = z.number().int().nonnegative()
const WishRef = z.object({ wishId: Id })

/**
 * Issue 7 Contact: the wisher's name, phone and (for 上门) address as this viewer may see them
 * (core/wish/wish-policy.ts wisherContactView): masked until a claim, in full for the claimer.
 */
export const WishContactView = z.object({
  name: z.string(),
  phone: z.string().optional(),
  address: z.string().optional(),
  masked: z.boolean(),
})
export type WishContactView = z.infer<typeof WishContactView>

/**
 * One wish as the caller may see it. `full` viewers (wish-policy wishVisibility) get the words and
 * the route; a `publicLine` viewer only the category, public summary and status, with the rest null.
 * The place is the wisher's alone: a household names a door, and for 上门 the claimer reads the
 * address in `contact`.
 */
export const WishDetail = z.object({
  _id: Id,
  category: WishCategory,
  status: WishStatus,
  summary: z.string().nullable(),
  /** Null for a public-line viewer. */
  text: z.string().nullable(),
  photos: z.array(PhotoView),
  neededBy: Timestamp,
  delivery: WishDelivery,
  place: RouteTarget.nullable(),
  route: z.object({ communityId: Id, gridId: Id.nullable(), branchId: Id.nullable(), rule: WishRouteRule }).nullable(),
  /** For the reviewers (committee and grid worker) only: content safety's flag, the 90-day repeat. */
  marks: z.array(WishMark).optional(),
  /** For the wisher and the reviewers. */
  returnReason: z.string().nullable(),
  audience: WishAudience,
  publishedAt: Timestamp.nullable(),
  widenAt: Timestamp.nullable(),
  /** The live claim: who holds it only to the wisher, the reviewers and the claimer themself. */
  claim: z.object({ at: Timestamp, lockUntil: Timestamp, mine: z.boolean(), claimerName: z.string().nullable() }).nullable(),
  /** The resident's request to cancel after a claim: to the wisher, the claimer and the reviewers. */
  cancelRequest: z.object({ at: Timestamp, reason: z.string() }).nullable(),
  /** What the claimer did, with their photos as this viewer may see them: to the wisher, the claimer and the reviewers. */
  fulfilment: z.object({ at: Timestamp, note: z.string(), photos: z.array(PhotoView) }).nullable(),
  /** Who confirmed and how (a visit or a call is recorded as such): to the wisher, the claimer and the reviewers. */
  confirmation: z.object({ at: Timestamp, via: z.enum(['wisher', 'visit', 'call']), thanks: z.string().optional(), rating: z.number().int().optional() }).nullable(),
  /** The 有困难找居村 request it became, for the wisher and the reviewers. */
  convertedTo: Id.nullable(),
  /** For the reviewers: claims that ran out on it, whether the grid worker was asked to check. */
  lapses: z.number().int().nonnegative().optional(),
  checkAskedAt: Timestamp.nullable().optional(),
  /** For the reviewers (issue 7: "the household's recent wishes shown to the reviewer"): the last 90 days' other wishes of the same household (or resident). */
  householdRecent: z.array(z.object({ _id: Id, category: WishCategory, status: WishStatus, createdAt: Timestamp })).optional(),
  contact: WishContactView.nullable(),
  /** What happened, for the wisher, the claimer and the reviewers; who acted is said by role, never by name. */
  timeline: z.array(z.object({ at: Timestamp, action: z.union([z.literal('post'), WishAction]), relation: WishRelation, to: WishStatus, note: z.string().optional() })),
  /** How the caller stands to the wish (wish-policy wishRelationsTo): for the page's words, never its rules. */
  relations: z.array(WishRelation),
  /** What the caller may do now (wish.machine.ts availableWishActions): the client shows these buttons only. */
  availableActions: z.array(WishAction),
  /** When `claim` is open to the caller: the deadline a claim made now would get (the category's days, never past the needed-by day). */
  claimLockUntil: Timestamp.nullable(),
  /** Ledger actions the caller may take on a realised wish (committee: reverse its credit with a reason). */
  canReverseCredit: z.boolean(),
  version: z.number().int().nonnegative(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
export type WishDetail = z.infer<typeof WishDetail>

/**
 * A line of a list: no contact, no place; the words cut to 60 characters. `near` (members' list only)
 * ranks a wish by how close it is to the member's own home in the directory's terms — the same
 * building, the same grid, else the community — never a distance, which would locate the wisher.
 */
export const WishListItem = z.object({
  _id: Id,
  category: WishCategory,
  status: WishStatus,
  summary: z.string().nullable(),
  excerpt: z.string().max(60),
  neededBy: Timestamp,
  delivery: WishDelivery,
  audience: WishAudience,
  claimed: z.boolean(),
  /** The live claim's deadline, to the wisher, the claimer and the reviewers (lists of their own). */
  lockUntil: Timestamp.nullable(),
  /** The claimer's masked name (刘*) on the resident's own list. */
  claimerName: z.string().nullable(),
  cancelRequested: z.boolean(),
  /** On the reviewers' queue: content safety's flag or a repeat of the same category. */
  marked: z.boolean(),
  near: z.enum(['building', 'grid', 'community']).optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
export type WishListItem = z.infer<typeof WishListItem>

const WishList = pageOf(WishListItem)

/** One line of the wish wall (心愿墙, 公示): "category, short summary, which branch helped, when" — nothing of who or where. */
export const WallLine = z.object({ _id: Id, category: WishCategory, summary: z.string(), branchName: z.string().nullable(), realisedAt: Timestamp })
export type WallLine = z.infer<typeof WallLine>

/** The committee's limits for its community (issue 7 Post: "Limits a committee can set"). */
export const WishSettings = z.object({
  communityId: Id,
  /** Open wishes (in review, published, claimed, fulfilled) per household — or per resident posting at a point. */
  openPerHousehold: z.number().int().min(1).max(10),
})
export type WishSettings = z.infer<typeof WishSettings>

/** A member's service record: derived from the ledger and the timeline, never a stored counter. */
export const ServiceRecord = z.object({
  memberId: Id,
  name: z.string(),
  /** Confirmed fulfilments credited, reversals taken off. */
  realised: z.number().int(),
  /** Claims that ran out before anything was done (issue 7: "the member's record counts a lapse"). */
  lapses: z.number().int().nonnegative(),
  liveClaims: z.number().int().nonnegative(),
})
export type ServiceRecord = z.infer<typeof ServiceRecord>

export const LedgerLine = z.object({ wishId: Id, summary: z.string().nullable(), amount: z.number().int(), reason: z.string(), at: Timestamp })
export type LedgerLine = z.infer<typeof LedgerLine>

/** Issue 7 Ledger: "Rankings are by confirmed fulfilment in a period". */
export const RankingLine = z.object({ id: z.string(), name: z.string(), fulfilments: z.number().int() })
export type RankingLine = z.infer<typeof RankingLine>

/** Issue 7 Signals, per branch or grid of the scope: every unit appears, named, even with nothing yet. */
export const WishSignals = z.object({
  posted: z.number().int().nonnegative(),
  published: z.number().int().nonnegative(),
  claimed: z.number().int().nonnegative(),
  realised: z.number().int().nonnegative(),
  /** From publishing to the first claim, and to the confirmation; null when none got that far. */
  medianHoursToClaim: z.number().nonnegative().nullable(),
  medianHoursToRealise: z.number().nonnegative().nullable(),
  lapses: z.number().int().nonnegative(),
  /** Widened to the 大党委 and still waiting for a claim. */
  unclaimedAfterWidening: z.number().int().nonnegative(),
})
export type WishSignals = z.infer<typeof WishSignals>

const Scope = z.union([z.object({ gridId: Id }).strict(), z.object({ communityId: Id }).strict(), z.object({ streetId: Id }).strict()])

/** Every action of the `wishes` function (issue 7): its input and output schemas, each built on its first use. */
export const wishActions = lazyActions({
  /** A resident's wish, at their bound household or a point chosen on the map; idempotent by key like filing. */
  post: () => ({
    input: z
      .object({
        idempotencyKey: IdempotencyKey,
        category: WishCategory,
        text: WishText,
        photos: WishPhotos,
        /** Any moment of the needed-by day: the wish runs to the end of that day, Beijing time. */
        neededBy: Timestamp,
        delivery: WishDelivery,
        place: RouteTarget,
      })
      .strict(),
    output: WishDetail,
  }),
  listMine: () => ({ input: z.object({ ...PageInput }).strict(), output: WishList }),
  detail: () => ({ input: WishRef.strict(), output: WishDetail }),
  /**
   * For the reviewers (the committee of the wish's community, its grid's workers): the wisher's name,
   * phone and address in full, to ring or visit for 核实 or a confirmation by visit — a deliberate
   * look, one wish at a time, audit-logged.
   */
  revealContact: () => ({ input: WishRef.strict(), output: WishContactView }),
  /** 核实: the committee of the wish's community or the grid's worker publishes it with a public summary, or returns it. */
  review: () => ({
    input: z.intersection(
      WishRef,
      z.discriminatedUnion('decision', [
        z.object({ decision: z.literal('publish'), summary: WishSummary }),
        z.object({ decision: z.literal('return'), reason: WishReason }),
      ]),
    ),
    output: WishDetail,
  }),
  /**
   * 核实 finds it is really a job for the committee: a 有困难找居村 request is filed for the resident
   * in the category the reviewer picks, and each keeps the other's id. Retried, it files once.
   */
  convert: () => ({ input: WishRef.extend({ category: Category }).strict(), output: WishDetail }),
  /**
   * For a verified party member: published wishes of their branch, and widened ones of their
   * community; nearest first (`near`), needed-by soonest within each.
   */
  listForMe: () => ({ input: z.object({ ...PageInput }).strict(), output: WishList }),
  /** The member's own live claims (claimed, fulfilled and waiting for confirmation), the lock's end soonest first. */
  myClaims: () => ({ input: z.object({ ...PageInput }).strict(), output: WishList }),
  /** The member's service record and their latest ledger lines. */
  myRecord: () => ({ input: z.object({}).strict(), output: z.object({ record: ServiceRecord, lines: z.array(LedgerLine) }) }),
  claim: () => ({ input: WishRef.strict(), output: WishDetail }),
  release: () => ({ input: WishRef.extend({ reason: WishReason }).strict(), output: WishDetail }),
  /** The committee takes the claim back with a reason the claimer is told. */
  revoke: () => ({ input: WishRef.extend({ reason: WishReason }).strict(), output: WishDetail }),
  /** The claimer marks it done with a note and up to 3 photos (evidence, content-checked and media-checked). */
  fulfil: () => ({ input: WishRef.extend({ note: WishNote, photos: WishPhotos }).strict(), output: WishDetail }),
  /** The resident confirms with an optional thank-you and rating (1–5); retried, it credits once. */
  confirm: () => ({
    input: WishRef.extend({ thanks: z.string().trim().min(1).max(200).optional(), rating: z.number().int().min(1).max(5).optional() }).strict(),
    output: WishDetail,
  }),
  /** The grid worker confirms for a resident who does not use the phone much, after a visit or a call (recorded as such). */
  confirmByVisit: () => ({ input: WishRef.extend({ via: z.enum(['visit', 'call']), note: WishNote }).strict(), output: WishDetail }),
  /** The resident takes it back before a claim. */
  withdraw: () => ({ input: WishRef.extend({ reason: WishReason.optional() }).strict(), output: WishDetail }),
  /** After a claim: the resident asks to cancel; the claim stands until the claimer agrees (or the committee revokes). */
  requestCancel: () => ({ input: WishRef.extend({ reason: WishReason }).strict(), output: WishDetail }),
  agreeCancel: () => ({ input: WishRef.extend({ note: WishReason.optional() }).strict(), output: WishDetail }),
  /**
   * The reviewers' queues, for the committee (their community) and grid workers (their grids):
   * `review` waits for 核实, `confirm` waits for the resident's confirmation (the 7-day check first),
   * `open` everything published or claimed.
   */
  listForReview: () => ({ input: z.object({ queue: z.enum(['review', 'confirm', 'open']), ...PageInput }).strict(), output: WishList }),
  /**
   * A branch's view, for its secretary or the committee of its community: wishes waiting for a claim
   * (widened ones flagged by `audience`), those whose claims ran out, and each member's record with
   * this month's ranking.
   */
  branchOverview: () => ({
    input: z.object({ branchId: Id.optional() }).strict(),
    output: z.object({
      branch: z.object({ _id: Id, name: z.string() }),
      unclaimed: z.array(WishListItem),
      lapsed: z.array(WishListItem),
      members: z.array(ServiceRecord),
      ranking: z.array(RankingLine),
    }),
  }),
  /** The wish wall of a community (the caller's own by default): realised wishes, masked, newest first. */
  wall: () => ({
    input: z.object({ communityId: Id.optional(), ...PageInput }).strict(),
    output: pageOf(WallLine).extend({ communityId: Id, communityName: z.string() }),
  }),
  /** Rankings by confirmed fulfilment in a period (members or branches of a community), for its party members and staff. */
  ranking: () => ({
    input: z.object({ communityId: Id, kind: z.enum(['member', 'branch']), period: Period }).strict(),
    output: z.array(RankingLine),
  }),
  /** The committee reverses a realised wish's credits with a compensating entry each; the reason is kept. */
  reverseCredit: () => ({ input: WishRef.extend({ reason: WishReason }).strict(), output: z.object({ reversed: z.number().int().nonnegative() }) }),
  /** Issue 7 Signals over a scope and period, per branch and per grid, beside the dashboard's three rates. */
  signals: () => ({
    input: z.object({ scope: Scope, period: Period }).strict(),
    output: z.object({
      totals: WishSignals,
      byBranch: z.array(z.object({ branchId: Id, branchName: z.string(), signals: WishSignals })),
      byGrid: z.array(z.object({ gridId: Id, gridName: z.string(), signals: WishSignals })),
    }),
  }),
  settings: () => ({ input: z.object({ communityId: Id }).strict(), output: WishSettings }),
  updateSettings: () => ({ input: WishSettings.strict(), output: WishSettings }),
})
