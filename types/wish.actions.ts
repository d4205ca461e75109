import { z } from 'zod'
import { pageOf, PageInput } from './paging.schema'
import { PhotoView } from './request.actions'
import { IdempotencyKey } from './request.schema'
import { RouteTarget } from './route.schema'
import {
  WishAction, WishAudience, WishCategory, WishDelivery, WishMark, WishPhotos, WishReason, WishRouteRule, WishStatus, WishSummary, WishText,
} from './wish.schema'

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
  contact: WishContactView.nullable(),
  /** What the caller may do now (wish.machine.ts availableWishActions): the client shows these buttons only. */
  availableActions: z.array(WishAction),
  version: z.number().int().nonnegative(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
export type WishDetail = z.infer<typeof WishDetail>

/** A line of a list: no contact, no place; the words cut to 60 characters. */
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
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
export type WishListItem = z.infer<typeof WishListItem>

const WishList = pageOf(WishListItem)

/** Every action of the `wishes` function (issue 7, first slice): its input and output schemas. */
export const wishActions = {
  /** A resident's wish, at their bound household or a point chosen on the map; idempotent by key like filing. */
  post: {
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
  },
  listMine: { input: z.object({ ...PageInput }).strict(), output: WishList },
  detail: { input: WishRef.strict(), output: WishDetail },
  /** 核实: the committee of the wish's community or the grid's worker publishes it with a public summary, or returns it. */
  review: {
    input: z.intersection(
      WishRef,
      z.discriminatedUnion('decision', [
        z.object({ decision: z.literal('publish'), summary: WishSummary }),
        z.object({ decision: z.literal('return'), reason: WishReason }),
      ]),
    ),
    output: WishDetail,
  },
  /** For a verified party member: published wishes of their branch, and widened ones of their community; needed-by soonest first. */
  listForMe: { input: z.object({ ...PageInput }).strict(), output: WishList },
  claim: { input: WishRef.strict(), output: WishDetail },
  release: { input: WishRef.extend({ reason: WishReason }).strict(), output: WishDetail },
} as const
