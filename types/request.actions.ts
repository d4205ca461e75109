import { z } from 'zod'
import { FollowStage, TopicStatus } from './council.schema'
import { WorkPhone } from './directory.schema'
import { MessageView } from './message.schema'
import { Category } from './category.schema'
import { pageOf, PageInput } from './paging.schema'
import { RouteTarget } from './route.schema'
import {
  EscalationLevel, FileId, IdempotencyKey, Moderation, NoteText, NoteVisibleTo, OutOfScope, Phone, Photos, RatingOutcome, Reply, Request,
  RequestAction, RequestEvent, RequestStatus, RequestText, Satisfaction,
} from './request.schema'
import { lazyActions } from './lazy-actions'

const Id = z.string().min(1).max(64)
const Timestamp = z.number().int().nonnegative()
const Ref = z.object({ requestId: Id })
const Named = z.object({ id: Id, name: z.string().nullable() })
const UnreadCount = z.object({ unread: z.number().int().nonnegative() })

export const Urgency = z.enum(['onTime', 'dueSoon', 'overdue'])
export type Urgency = z.infer<typeof Urgency>
/** The clock that runs now (deadlines.ts): answer, resolve, or the resident's 7 days to rate. */
export const Due = z.object({ stage: z.enum(['respond', 'resolve', 'rate']), dueAt: Timestamp, urgency: Urgency })
export type Due = z.infer<typeof Due>

/** Phone and room: in full on a detail only for the resident and the handlers; otherwise the phone masked and no room at all. */
export const ContactView = z.object({ phone: z.string().optional(), room: z.string().optional(), masked: z.boolean() })

/**
 * Where a photo stands with the media check (mediaCheckAsync): `pending` until WeChat's verdict
 * arrives, `pass`, or `hidden` after a risky verdict.
 */
export const PhotoState = z.enum(['pending', 'pass', 'hidden'])
export type PhotoState = z.infer<typeof PhotoState>

/**
 * A stored photo as this viewer may see it (request-view photoViews, core/request/photo-policy.ts):
 * `url` is a temporary download URL, handed out only after the rights check for the item and only
 * when the photo's state lets this viewer see it; null when the viewer is told it exists but not
 * shown it (a hidden photo, to its uploader). Photos the viewer may not know of are left out.
 */
export const PhotoView = z.object({ fileId: FileId, url: z.string().min(1).max(2048).nullable(), state: PhotoState })
export type PhotoView = z.infer<typeof PhotoView>

export const RequestSummary = z.object({
  _id: Id,
  category: Category,
  status: RequestStatus,
  excerpt: z.string().max(60),
  filedBy: z.enum(['resident', 'onBehalf', 'proactive', 'fromWish']),
  owner: Named.nullable(),
  gridName: z.string().nullable(),
  escalation: EscalationLevel,
  due: Due.nullable(),
  latest: RequestEvent.pick({ action: true, at: true, to: true }).nullable(),
  contact: ContactView,
  followers: z.number().int().nonnegative(),
  /** For reviewers: a photo of it was judged risky and waits for their look (the review tab lists it). */
  photoReview: z.literal(true).optional(),
  /** For staff lists: the building (or 地图上的点), never the room. */
  place: z.string().max(60).optional(),
  /** For staff lists: who asked, masked (王*), or null when no resident is behind it (巡查发现). */
  requester: z.string().max(20).nullable().optional(),
  /** The caller owns it: their own inbox need not name them on every card. */
  ownedByCaller: z.literal(true).optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
export type RequestSummary = z.infer<typeof RequestSummary>

/** A timeline line; a note's or reply's photos come as views, not in `details`, and a note says who it is for (staff see both kinds). */
export const TimelineEntry = RequestEvent.omit({ _id: true, requestId: true }).extend({
  actorName: z.string().nullable(),
  photos: z.array(PhotoView).optional(),
  visibleTo: NoteVisibleTo.optional(),
})

/**
 * The place on a detail: in full (a household id names the room) only where the contact is shown in
 * full; otherwise the kind of place and, for a household, its building (request-policy placeView).
 */
export const PlaceView = z.union([
  RouteTarget,
  z.object({ kind: z.literal('household'), buildingId: Id.nullable() }).strict(),
  z.object({ kind: z.literal('point') }).strict(),
])
export type PlaceView = z.infer<typeof PlaceView>

export const RequestDetail = Request.omit({ idempotencyKey: true, contactPhone: true, alerts: true }).extend({
  photos: z.array(PhotoView),
  reply: Reply.extend({ photos: z.array(PhotoView) }).nullable(),
  place: PlaceView,
  /** The matched word (`reason`) only for reviewers (request-policy moderationView). */
  moderation: Moderation.partial({ reason: true }).nullable(),
  /** `workPhone` (the post's, from the directory; never a personal phone) only to the resident, while it is open (request-policy mayCallOwner). */
  owner: Named.extend({ workPhone: WorkPhone.optional() }).nullable(),
  coHandlers: z.array(Named),
  communityName: z.string(),
  gridName: z.string().nullable(),
  placeLabel: z.string(),
  contact: ContactView,
  due: Due.nullable(),
  timeline: z.array(TimelineEntry),
  /** What the caller may do now (request.machine.ts availableActions): the client shows these buttons only. */
  availableActions: z.array(RequestAction),
  /** Whether the caller +1'd it, where +1 is on offer (availableActions has `follow`); false where it is not. */
  following: z.boolean(),
  /** For reviewers: a photo of it was judged risky and waits for their look (clearPhotoReview ends it). */
  photoReview: z.literal(true).optional(),
  /** 每月一题: the 议事厅 topics this request led to, with how far their follow-through has come. */
  linkedTopics: z.array(z.object({ topicId: Id, title: z.string(), status: TopicStatus, followStage: FollowStage.nullable() })),
})
export type RequestDetail = z.infer<typeof RequestDetail>

/**
 * A neighbour's open request, as much as a filer needs to decide whether it is theirs (issue 10, 4):
 * the kind, how far it has come, whether it is in the filer's own building or only nearby, how many
 * days ago, how many neighbours +1'd it. No text (it may name a room or a person), no building of
 * someone else, no distance, no point, no exact time: nothing that locates a person.
 */
export const DuplicateView = z.object({
  _id: Id,
  category: Category,
  status: RequestStatus,
  nearness: z.enum(['sameBuilding', 'nearby']),
  /** Shanghai calendar days since it was filed: 0 today, 1 yesterday. */
  filedDaysAgo: z.number().int().nonnegative(),
  followers: z.number().int().nonnegative(),
  following: z.boolean(),
}).strict()
export type DuplicateView = z.infer<typeof DuplicateView>

export const InboxState = z.enum(['review', 'toAccept', 'inHand', 'awaitingRating', 'done'])
export type InboxState = z.infer<typeof InboxState>

/** How many wait on each inbox tab, counted by the database; `review` only for reviewers, `done` never (history). */
export const InboxCounts = z.object({
  overdue: z.number().int().nonnegative(),
  toAccept: z.number().int().nonnegative(),
  inHand: z.number().int().nonnegative(),
  awaitingRating: z.number().int().nonnegative(),
  review: z.number().int().nonnegative().nullable(),
})
export type InboxCounts = z.infer<typeof InboxCounts>

/** The counts behind the three rates, each defined in signals.ts (rateConditions). */
export const RateCounts = z.object({
  dispatched: z.number().int().nonnegative(),
  responseCounted: z.number().int().nonnegative(),
  respondedOnTime: z.number().int().nonnegative(),
  rated: z.number().int().nonnegative(),
  resolved: z.number().int().nonnegative(),
  partly: z.number().int().nonnegative(),
  satisfied: z.number().int().nonnegative(),
  closedUnrated: z.number().int().nonnegative(),
  proactive: z.number().int().nonnegative(),
})
export type RateCounts = z.infer<typeof RateCounts>

/** Counts and the three rates of signals.ts; a rate is null when its denominator is zero. */
export const RequestRates = RateCounts.extend({
  responseRate: z.number().min(0).max(1).nullable(),
  resolutionRate: z.number().min(0).max(1).nullable(),
  satisfactionRate: z.number().min(0).max(1).nullable(),
})
export type RequestRates = z.infer<typeof RequestRates>

export const OverdueItem = z.object({
  requestId: Id,
  category: Category,
  status: RequestStatus,
  communityId: Id,
  gridId: Id.nullable(),
  ownerId: Id.nullable(),
  stage: z.enum(['respond', 'resolve']),
  dueAt: Timestamp,
  overdueMs: z.number().int().positive(),
})
export type OverdueItem = z.infer<typeof OverdueItem>

const DAY_MS = 86_400_000
export const Period = z
  .object({ from: Timestamp, to: Timestamp })
  .refine((p) => p.from < p.to && p.to - p.from <= 366 * DAY_MS, { message: 'a period runs forward, a year at most' })
export type Period = z.infer<typeof Period>

/** The scope's three rates week by week, and each grid's new items per week; every array is one entry per week. */
export const WeeklyTrend = z.object({
  weeks: z.array(z.object({ from: Timestamp, to: Timestamp })),
  rates: z.array(RequestRates),
  byGrid: z.array(z.object({ communityId: Id, gridId: Id.nullable(), gridName: z.string().nullable(), filed: z.array(z.number().int().nonnegative()) })),
})
export type WeeklyTrend = z.infer<typeof WeeklyTrend>

const Filing = {
  idempotencyKey: IdempotencyKey,
  category: Category,
  text: RequestText,
  photos: Photos,
  /** The bound household by default, or a point chosen on the map. */
  place: RouteTarget,
}
const RatingInput = { outcome: RatingOutcome, satisfaction: Satisfaction, comment: z.string().trim().max(300).optional() }

/** Every action of the `requests` function: its input and output schemas, each built on its first use. */
export const requestActions = lazyActions({
  file: () => ({ input: z.object({ ...Filing, contactPhone: Phone.optional() }).strict(), output: RequestDetail }),
  listMine: () => ({
    input: z.object({ open: z.boolean().optional(), ...PageInput }).strict(),
    output: pageOf(RequestSummary),
  }),
  detail: () => ({ input: Ref.strict(), output: RequestDetail }),
  withdraw: () => ({ input: Ref.extend({ note: NoteText.optional() }).strict(), output: RequestDetail }),
  /** By the resident; by the committee on the 回访 call when the resident has no account (代办). */
  rate: () => ({ input: Ref.extend(RatingInput).strict(), output: RequestDetail }),
  follow: () => ({ input: Ref.strict(), output: z.object({ requestId: Id, followers: z.number().int().nonnegative(), following: z.literal(true) }) }),
  checkDuplicates: () => ({
    input: z.object({ category: Category, place: RouteTarget }).strict(),
    output: z.object({ items: z.array(DuplicateView) }),
  }),
  inbox: () => ({
    input: z.object({ state: InboxState.optional(), urgency: Urgency.optional(), ...PageInput }).strict(),
    output: pageOf(RequestSummary),
  }),
  /** The inbox tabs' and the workbench entry's numbers; FORBIDDEN, like the inbox, to whoever handles no requests. */
  inboxCounts: () => ({ input: z.object({}).strict(), output: InboxCounts }),
  review: () => ({
    input: z.intersection(
      Ref,
      z.discriminatedUnion('decision', [
        z.object({ decision: z.literal('release'), note: NoteText.optional() }),
        z.object({ decision: z.literal('reject'), reason: z.string().trim().min(2).max(200) }),
      ]),
    ),
    output: RequestDetail,
  }),
  accept: () => ({ input: Ref.extend({ note: NoteText.optional() }).strict(), output: RequestDetail }),
  note: () => ({ input: Ref.extend({ note: NoteText, photos: Photos.optional(), visibleTo: NoteVisibleTo }).strict(), output: RequestDetail }),
  transfer: () => ({ input: Ref.extend({ toUserId: Id, note: NoteText }).strict(), output: RequestDetail }),
  escalate: () => ({
    input: Ref.extend({ level: z.enum(['community', 'street']), coHandlerIds: z.array(Id).max(10), note: NoteText }).strict(),
    output: RequestDetail,
  }),
  refer: () => ({ input: Ref.extend({ scope: OutOfScope, note: NoteText.optional() }).strict(), output: RequestDetail }),
  reply: () => ({ input: Ref.extend({ text: RequestText, photos: Photos }).strict(), output: RequestDetail }),
  recordCallback: () => ({ input: Ref.extend({ reached: z.boolean(), note: NoteText }).strict(), output: RequestDetail }),
  /** A reviewer has looked at the photo the media check hid: the item leaves the review tab; the photo stays hidden. */
  clearPhotoReview: () => ({ input: Ref.strict(), output: RequestDetail }),
  fileOnBehalf: () => ({
    input: z
      .object({ ...Filing, resident: z.object({ name: z.string().trim().min(1).max(20), phone: Phone.optional(), userId: Id.optional() }).strict() })
      .strict(),
    output: RequestDetail,
  }),
  fileProactive: () => ({ input: z.object(Filing).strict(), output: RequestDetail }),
  /** The 消息 page: the caller's notifications, newest first, each with whether it is unread and what it still asks. */
  myMessages: () => ({
    input: z.object({ ...PageInput }).strict(),
    output: pageOf(MessageView),
  }),
  /** The 消息 tab's badge: how many of the caller's messages they have not seen yet. */
  unreadMessages: () => ({ input: z.object({}).strict(), output: UnreadCount }),
  /** The 消息 page showed these: they are read now. Only the caller's own are marked; answers what is left unread. */
  markMessagesRead: () => ({ input: z.object({ ids: z.array(z.string().min(1).max(160)).min(1).max(50) }).strict(), output: UnreadCount }),
  dashboard: () => ({
    input: z
      .object({ scope: z.union([z.object({ gridId: Id }).strict(), z.object({ communityId: Id }).strict(), z.object({ streetId: Id }).strict()]), period: Period })
      .strict(),
    output: z.object({
      /** The grid, community or street asked about, by name: the heading of its part of the page. */
      scopeName: z.string(),
      /** The whole scope: a street's total, or the one community or grid again. */
      total: RequestRates,
      /**
       * Every grid of the scope, zeros and all, and a community's own queue (gridId null: items outside
       * every grid) when it had any; grids in id order, a community's queue before its grids.
       */
      byGrid: z.array(z.object({ communityId: Id, gridId: Id.nullable(), gridName: z.string().nullable(), rates: RequestRates })),
      /** Every community of the scope, zeros and all; none for a grid's. */
      byCommunity: z.array(z.object({ communityId: Id, communityName: z.string(), rates: RequestRates })),
      /** The most overdue items, most overdue first, at most 100 (dashboard.use-case OVERDUE_SHOWN). */
      overdue: z.array(OverdueItem),
      /** How many items are overdue in all: more than `overdue` holds when the list was cut. */
      overdueTotal: z.number().int().nonnegative(),
      /** The chart, whatever the period: the last 8 Shanghai weeks (weekly-trend.ts), the last one this week so far. */
      trend: WeeklyTrend,
    }),
  }),
})
