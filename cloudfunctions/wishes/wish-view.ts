import { User, type WishDetail, type WishListItem } from '../../types'
import type { Actor } from '../shared/core/actor'
import { availableWishActions } from '../shared/core/wish/wish.machine'
import { maskName } from '../shared/core/mask'
import { isWishReviewer, wisherContactView, wishRelationsTo, wishVisibility, type MemberFacts } from '../shared/core/wish/wish-policy'
import { appendAudit } from '../shared/runtime/audit-log'
import { Collections } from '../shared/runtime/collections'
import { findById } from '../shared/runtime/documents'
import { temporaryUrls, VIEW_URL_SECONDS } from '../shared/runtime/photos'
import type { StoredWish } from './wish-store'
import { excerpt } from '../shared/core/excerpt'

/**
 * The wish as this caller may see it, or null when they may not know of it (the use case answers
 * NOT_FOUND). The media check is not wired for wish photos yet: until it is, a photo is shown to its
 * uploader (the wisher) and the reviewers only, as requests treat a photo still pending.
 */
export async function detailOf(stored: StoredWish, actor: Actor, facts: MemberFacts, now: number): Promise<WishDetail | null> {
  const relations = wishRelationsTo(actor, stored, facts)
  const visibility = wishVisibility(stored, relations)
  if (visibility === 'none') return null
  const full = visibility === 'full'
  const wisher = relations.includes('wisher')
  const reviewer = isWishReviewer(relations)
  const claimer = relations.includes('claimer')
  const photos = full && (wisher || reviewer) && stored.photos.length > 0 ? await photoViews(stored.photos) : []
  const contact = full ? wisherContactView(stored.contact, stored, relations) : null
  if (contact?.logRead) {
    // Issue 7: the claimer's every look at the contact is audit-logged.
    await appendAudit({
      actorId: actor.userId, at: now, action: 'contact.read', subject: { collection: Collections.wishes, id: stored._id },
      fields: ['name', ...(contact.phone !== undefined ? ['phone'] : []), ...(contact.address !== undefined ? ['address'] : [])],
    })
  }
  return {
    _id: stored._id,
    category: stored.category,
    status: stored.status,
    summary: stored.summary,
    text: full ? stored.text : null,
    photos,
    neededBy: stored.neededBy,
    delivery: stored.delivery,
    place: wisher ? stored.place : null,
    route: full ? { communityId: stored.route.communityId, gridId: stored.route.gridId, branchId: stored.route.branchId, rule: stored.route.rule } : null,
    ...(reviewer && { marks: stored.marks }),
    returnReason: wisher || reviewer ? stored.returnReason : null,
    audience: stored.audience,
    publishedAt: stored.publishedAt,
    widenAt: stored.widenAt,
    claim: stored.claim && {
      at: stored.claim.at,
      lockUntil: stored.claim.lockUntil,
      mine: claimer,
      claimerName: claimer || reviewer || wisher ? await claimerName(stored.claim.memberId, reviewer || claimer) : null,
    },
    contact: contact && {
      name: contact.name,
      ...(contact.phone !== undefined && { phone: contact.phone }),
      ...(contact.address !== undefined && { address: contact.address }),
      masked: contact.masked,
    },
    availableActions: availableWishActions(stored, relations, now),
    version: stored.version,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  }
}

/** The wisher sees the claimer's surname (刘*, issue 7: "the claimer's first name once claimed"); the reviewers and the claimer the name. */
async function claimerName(memberId: string, inFull: boolean): Promise<string | null> {
  const user = await findById(Collections.users, memberId, User)
  if (!user) return null
  return inFull ? user.name : maskName(user.name)
}

async function photoViews(fileIds: readonly string[]) {
  const urls = await temporaryUrls(fileIds, VIEW_URL_SECONDS)
  return fileIds.map((fileId) => ({ fileId, url: urls.get(fileId) ?? null, state: 'pending' as const }))
}

/** A line of a list, for a caller who sees the wish in full (the lists ask only for those). */
export function listItemOf(stored: StoredWish): WishListItem {
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
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  }
}
