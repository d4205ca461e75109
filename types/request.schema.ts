import { z } from 'zod'
import { Category } from './category.schema'
import { GeoPoint } from './geo.schema'
import { RouteDecision, RouteTarget } from './route.schema'
import { ratingOutcomes, satisfactions } from './vocabulary'

const Id = z.string().min(1).max(64)
const Timestamp = z.number().int().nonnegative()

/** Counted in code points, not UTF-16 units, so an emoji costs a resident one character, not two. */
const chars = (max: number) =>
  z.string().trim().min(1).refine((s) => [...s].length <= max, { message: `at most ${max} characters` })

export const RequestText = chars(2000)
export const NoteText = chars(500)
/**
 * Who a handler's progress note is for, chosen each time (issue 10): `staff` 仅工作人员可见, never shown
 * to the resident; `resident` 告诉居民, shown to them (and to staff). A note stored before the choice
 * existed has none and was shown to the resident, so it counts as `resident` (core/request/staff-notes.ts).
 */
export const NoteVisibleTo = z.enum(['staff', 'resident'])
export type NoteVisibleTo = z.infer<typeof NoteVisibleTo>
/**
 * A file the client uploaded first: a CloudBase fileID, `cloud://<envId>.<bucket>/<path>`, as
 * Taro.cloud.uploadFile answers it (the local CloudBase's storage answers the same shape). Anything
 * else (a URL, a path) is not ours to keep. The shape only: whose upload it is, and to which
 * environment, the functions check (cloudfunctions/shared/runtime/photos.ts refusePhotos).
 */
export const FileId = z.string().max(512).regex(/^cloud:\/\/[^/\s]+\/\S+$/, 'not a cloud:// file ID')
export const Photos = z.array(FileId).max(9)
export const Phone = z.string().regex(/^1\d{10}$/)
/** Made by the client once per filing form; a retried submit sends the same key (idempotent file). */
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)

/** The one lifecycle of a request; request.machine.ts is the only door from one to another. */
export const RequestStatus = z.enum([
  'submitted', // filed, before content safety and routing decide
  'inReview', // flagged by content safety: waits for the committee, never silently dropped
  'dispatched', // routed; the owner (首接负责) is named and the response clock runs
  'accepted', // the owner answered at once (即时答复): who and by when
  'inProgress',
  'escalated', // 吹哨: the community or the street handles it with co-handlers; the owner stays
  'replied', // result given; the 7-day rating window runs
  'closed', // rated by the resident (回访考评)
  'closedUnrated', // no rating within 7 days; counted apart from rated ones
  'withdrawn',
  'referred', // out of scope: answered with where to go instead
  'rejected', // refused after content review, with a reason
])
export type RequestStatus = z.infer<typeof RequestStatus>

export const RequestAction = z.enum([
  'dispatch', 'flag', 'release', 'reject', 'withdraw', 'accept', 'note', 'transfer', 'escalate', 'refer',
  'reply', 'rate', 'reopen', 'autoClose', 'recordCallback', 'follow', 'remind', 'supervise',
])
export type RequestAction = z.infer<typeof RequestAction>

/** How a caller stands to one request; request-policy.ts derives it, the machine checks it. */
export const RequestRelation = z.enum([
  'requester', // the resident the request is for (filed it, or had it filed by staff 代办)
  'owner', // 首接负责: the first responder, to the end
  'coHandler', // added by transfer or escalation
  'gridStaff', // a grid worker of the request's grid
  'committee', // committee staff of its community
  'streetAdmin', // street staff of its street
  'system', // the timer, content safety, routing
  'other',
])
export type RequestRelation = z.infer<typeof RequestRelation>

export const EscalationLevel = z.enum(['none', 'community', 'street'])
export type EscalationLevel = z.infer<typeof EscalationLevel>

export const FiledBy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('resident') }),
  // 代办: a resident who cannot use the app; they may have no account, so the name is kept.
  z.object({ kind: z.literal('onBehalf'), staffId: Id, residentName: z.string().trim().min(1).max(20) }),
  // 主动治理 / 未诉先办: found on patrol, no resident behind it.
  z.object({ kind: z.literal('proactive'), staffId: Id }),
  // A 微心愿 that 核实 found is really a job for the committee: filed by the reviewer for the wisher, the wish's id kept.
  z.object({ kind: z.literal('fromWish'), staffId: Id, wishId: Id }),
])
export type FiledBy = z.infer<typeof FiledBy>

/** Both deadlines of 限时办理; the response window opens at dispatch, the resolve one again on reopening. */
export const Deadlines = z.object({ respondBy: Timestamp, resolveFrom: Timestamp, resolveBy: Timestamp })
export type Deadlines = z.infer<typeof Deadlines>

export const RatingOutcome = z.enum(ratingOutcomes)
export type RatingOutcome = z.infer<typeof RatingOutcome>
export const Satisfaction = z.enum(satisfactions)
export type Satisfaction = z.infer<typeof Satisfaction>

export const Rating = z.object({
  outcome: RatingOutcome,
  satisfaction: Satisfaction,
  comment: z.string().trim().max(300).optional(),
  at: Timestamp,
  by: Id,
})
export type Rating = z.infer<typeof Rating>

export const Reply = z.object({ text: RequestText, photos: Photos, at: Timestamp, by: Id })
export type Reply = z.infer<typeof Reply>

/** 催办 (remind the owner) and 督办 (raise to the committee), once per deadline: the timer is idempotent. */
export const Alert = z.object({
  kind: z.enum(['remind', 'supervise']),
  stage: z.enum(['respond', 'resolve']),
  dueAt: Timestamp,
  at: Timestamp,
})
export type Alert = z.infer<typeof Alert>

export const OutOfScope = z.enum(['police', 'fire', 'medical', 'traffic', 'court', 'consumer', 'government'])
export type OutOfScope = z.infer<typeof OutOfScope>

/** Content safety's verdict on a flagged item: what it matched (`reason`), then the reviewer's decision. */
export const Moderation = z.object({ reason: z.string().max(200), decidedBy: Id.optional(), note: z.string().max(200).optional() })
export type Moderation = z.infer<typeof Moderation>

export const Request = z.object({
  _id: Id,
  idempotencyKey: IdempotencyKey,
  category: Category,
  text: RequestText,
  photos: Photos,
  place: RouteTarget,
  /** The point chosen, or the household's building: what duplicates measure 200 m from. */
  location: GeoPoint.nullable(),
  contactPhone: Phone.optional(),
  residentId: Id.nullable(),
  filedBy: FiledBy,
  route: RouteDecision,
  streetId: Id,
  status: RequestStatus,
  /** Null only while the item waits in the community's queue for someone to accept it. */
  ownerId: Id.nullable(),
  coHandlerIds: z.array(Id).max(20),
  escalation: EscalationLevel,
  deadlines: Deadlines.nullable(),
  dispatchedAt: Timestamp.nullable(),
  /** The first answer: an acceptance or a referral. 响应率 compares it with deadlines.respondBy. */
  respondedAt: Timestamp.nullable(),
  repliedAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  reply: Reply.nullable(),
  /** The latest rating; earlier ones (before a reopening) stay in the timeline. */
  rating: Rating.nullable(),
  reopenCount: z.number().int().nonnegative(),
  referral: z.object({ scope: OutOfScope, note: NoteText.optional() }).nullable(),
  moderation: Moderation.nullable(),
  alerts: z.array(Alert).max(40),
  followers: z.number().int().nonnegative(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Bumped by every transition: writes are conditional on it, so two racing accepts cannot both win. */
  version: z.number().int().nonnegative(),
})
export type Request = z.infer<typeof Request>

/** One line of the timeline: append-only; `_id` is `${requestId}#${seq}`, so a replayed write collides. */
export const RequestEvent = z.object({
  _id: z.string().min(1).max(80),
  requestId: Id,
  seq: z.number().int().nonnegative(),
  at: Timestamp,
  actorId: Id,
  relation: RequestRelation,
  action: z.union([z.literal('file'), RequestAction]),
  from: RequestStatus.nullable(),
  to: RequestStatus,
  note: z.string().max(2000).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
})
export type RequestEvent = z.infer<typeof RequestEvent>

/** Shown under each category as the resident picks one: plain words, no jargon (关怀模式 users). */
export const categoryGuidance: Record<Category, string> = {
  property: '电梯坏了、楼道漏水、小区门禁坏了，这类物业管的事',
  hazard: '外墙松动、消防通道被堵、乱拉电线，可能伤到人的隐患',
  environment: '垃圾没人清、污水冒出来、绿化没人管',
  facility: '路灯不亮、座椅坏了、小区里的路破了',
  elderly: '老人吃饭、上门看望、照护方面需要帮忙',
  neighbour: '噪音、占用楼道等邻居之间的矛盾',
  other: '不属于上面几类的其他困难',
}

export { outOfScopeGuidance, ratingOutcomes, satisfactions } from './vocabulary'

