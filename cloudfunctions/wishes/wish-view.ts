import { z } from 'zod'
import { WishCategory, WishStatus, type WishDetail, type WishEvent, type WishListItem, type WishRelation } from '../../types'
import type { Actor } from '../shared/core/actor'
import { excerpt } from '../shared/core/excerpt'
import { maskName } from '../shared/core/mask'
import { availableWishActions, heldClaimStatuses } from '../shared/core/wish/wish.machine'
import { lockUntilOf } from '../shared/core/wish/wish-times'
import { settings } from '../shared/runtime/settings'
import {
  followsWish, isWishReviewer, mayReverseCredit, wisherContactView, wishPhotoSight, wishRelationsTo, wishVisibility, type MemberFacts, type Nearness,
} from '../shared/core/wish/wish-policy'
import { appendAudit } from '../shared/runtime/audit-log'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { photoViewer } from '../shared/runtime/photo-viewer'
import { rememberNames, userNames } from '../shared/runtime/user-names'
import { timelineOf, type StoredWish } from './wish-store'

const DAY_MS = 86_400_000
/** Issue 7 Post: "a repeat of the same category by the same household within 90 days"; the reviewer sees the same window. */
export const RECENT_WINDOW_MS = 90 * DAY_MS
const RECENT_SHOWN = 10

/** Who posted from the same door: the household when there is one, else the resident at their points. */
export const householdQuery = (wish: Pick<StoredWish, 'place' | 'wisherId'>): Record<string, string> =>
  'householdId' in wish.place ? { 'place.householdId': wish.place.householdId } : { wisherId: wish.wisherId }

const RecentWish = z.object({ _id: z.string(), category: WishCategory, status: WishStatus, createdAt: z.number() })
export type RecentWish = z.infer<typeof RecentWish>

/** The household's other wishes of the last 90 days, newest first: what the reviewer weighs a new one against. */
export async function householdRecent(wish: Pick<StoredWish, '_id' | 'place' | 'wisherId'>, now: number): Promise<RecentWish[]> {
  const _ = database().command
  const { data } = await database()
    .collection(Collections.wishes)
    .where({ ...householdQuery(wish), createdAt: _.gte(now - RECENT_WINDOW_MS), _id: _.neq(wish._id) })
    .orderBy('createdAt', 'desc')
    .limit(RECENT_SHOWN)
    .field({ _id: true, category: true, status: true, createdAt: true })
    .get()
  return (data as unknown[]).map((doc) => RecentWish.parse(doc))
}

const timelineLine = (event: WishEvent) => ({
  at: event.at, action: event.action, relation: event.relation, to: event.to, ...(event.note !== undefined && { note: event.note }),
})

/**
 * The wish as this caller may see it, or null when they may not know of it (the use case answers
 * NOT_FOUND). `actedAs`: the relations the caller held when they took the step just written, for the
 * answer to a step that ends their sight of the wish (a claimer agreeing to cancel sees it withdrawn,
 * once, with the contact masked again). Photos go through WeChat's media check like a request's: before the verdict only
 * their uploader and the reviewers see them (wish-policy wishPhotoSight). The claimer's every look
 * at the contact is audit-logged (issue 7 Contact). `shown`: for an answer prepared beside the write
 * it answers, whether that write went in — the look is logged only for an answer given.
 */
export async function detailOf(
  stored: StoredWish, actor: Actor, facts: MemberFacts, now: number, actedAs?: readonly WishRelation[], shown: Promise<boolean> = Promise.resolve(true),
): Promise<WishDetail | null> {
  const relations = actedAs ?? wishRelationsTo(actor, stored, facts)
  const visibility = wishVisibility(stored, relations)
  if (visibility === 'none') return null
  const full = visibility === 'full'
  const wisher = relations.includes('wisher')
  const reviewer = isWishReviewer(relations)
  const claimer = relations.includes('claimer')
  const follows = full && followsWish(relations)
  const fulfilmentPhotos = follows ? (stored.fulfilment?.photos ?? []) : []
  // The claimer looking at their own claim: their name is on the record the call already read.
  // Kept as if read, for the next answer that names them (the wisher's, at confirming).
  const ownName = stored.claim?.memberId === actor.userId ? actor.user?.name || undefined : undefined
  if (ownName !== undefined) rememberNames([{ _id: actor.userId, name: ownName }], now)
  const [viewPhotos, timeline, recent, names] = await Promise.all([
    full ? photoViewer([...stored.photos, ...fulfilmentPhotos], actor.userId, (state, isUploader) => wishPhotoSight(state, relations, isUploader)) : null,
    follows ? timelineOf(stored) : [],
    reviewer ? householdRecent(stored, now) : [],
    stored.claim && ownName === undefined && (claimer || reviewer || wisher) ? userNames([stored.claim.memberId], now) : new Map<string, string>(),
  ])
  const contact = full ? wisherContactView(stored.contact, stored, relations) : null
  if (contact?.logRead && (await shown)) {
    await appendAudit({
      actorId: actor.userId, at: now, action: 'contact.read', subject: { collection: Collections.wishes, id: stored._id },
      fields: ['name', ...(contact.phone !== undefined ? ['phone'] : []), ...(contact.address !== undefined ? ['address'] : [])],
    })
  }
  const availableActions = availableWishActions(stored, relations, now)
  const claimerFullName = stored.claim ? (ownName ?? names.get(stored.claim.memberId) ?? null) : null
  return {
    _id: stored._id,
    category: stored.category,
    status: stored.status,
    summary: stored.summary,
    text: full ? stored.text : null,
    photos: viewPhotos ? viewPhotos(stored.photos) : [],
    neededBy: stored.neededBy,
    delivery: stored.delivery,
    place: wisher ? stored.place : null,
    route: full ? { communityId: stored.route.communityId, gridId: stored.route.gridId, branchId: stored.route.branchId, rule: stored.route.rule } : null,
    ...(reviewer && { marks: stored.marks, lapses: stored.lapses, checkAskedAt: stored.checkAskedAt, householdRecent: recent }),
    returnReason: wisher || reviewer ? stored.returnReason : null,
    audience: stored.audience,
    publishedAt: stored.publishedAt,
    widenAt: stored.widenAt,
    // The wisher sees the claimer's surname (刘*, issue 7: "the claimer's first name once claimed"); the reviewers and the claimer the name.
    claim: stored.claim && {
      at: stored.claim.at,
      lockUntil: stored.claim.lockUntil,
      mine: claimer,
      claimerName: claimerFullName === null ? null : reviewer || claimer ? claimerFullName : wisher ? maskName(claimerFullName) : null,
    },
    cancelRequest: follows ? stored.cancelRequest : null,
    fulfilment: follows && stored.fulfilment && viewPhotos
      ? { at: stored.fulfilment.at, note: stored.fulfilment.note, photos: viewPhotos(stored.fulfilment.photos) }
      : null,
    confirmation: follows && stored.confirmation
      ? {
          at: stored.confirmation.at, via: stored.confirmation.via,
          ...(stored.confirmation.thanks !== undefined && { thanks: stored.confirmation.thanks }),
          ...(stored.confirmation.rating !== undefined && { rating: stored.confirmation.rating }),
        }
      : null,
    convertedTo: wisher || reviewer ? stored.convertedTo : null,
    contact: contact && {
      name: contact.name,
      ...(contact.phone !== undefined && { phone: contact.phone }),
      ...(contact.address !== undefined && { address: contact.address }),
      masked: contact.masked,
    },
    timeline: timeline.map(timelineLine),
    relations: [...relations],
    availableActions,
    claimLockUntil: availableActions.includes('claim') ? lockUntilOf(stored, now, settings().wishes) : null,
    canReverseCredit: mayReverseCredit(stored, relations),
    version: stored.version,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  }
}

/** What a list shows beside the wish itself, by who the list is for. */
export type ListExtras = {
  /** The wisher, the claimer and the reviewers see the live claim's deadline on their lists. */
  followsClaims?: boolean
  claimerName?: string | null
  /** The reviewers' queues: content safety's flag or a repeat. */
  forReviewer?: boolean
  near?: Nearness
}

/** A line of a list, for a caller who sees the wish in full (the lists ask only for those). */
export function listItemOf(stored: StoredWish, extras: ListExtras = {}): WishListItem {
  const held = heldClaimStatuses.includes(stored.status)
  return {
    _id: stored._id,
    category: stored.category,
    status: stored.status,
    summary: stored.summary,
    excerpt: excerpt(stored.text),
    neededBy: stored.neededBy,
    delivery: stored.delivery,
    audience: stored.audience,
    claimed: stored.claim !== null,
    lockUntil: extras.followsClaims && stored.status === 'claimed' && stored.claim ? stored.claim.lockUntil : null,
    claimerName: held ? (extras.claimerName ?? null) : null,
    cancelRequested: stored.cancelRequest !== null,
    marked: Boolean(extras.forReviewer) && stored.marks.length > 0,
    ...(extras.near !== undefined && { near: extras.near }),
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  }
}
