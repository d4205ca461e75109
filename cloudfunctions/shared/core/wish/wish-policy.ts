import type { PhotoState } from '../../../../types/request.actions'
import type { Wish, WishCategory, WishRelation, WishStatus } from '../../../../types/wish.schema'
import type { Actor } from '../actor'
import { maskName, maskPhone } from '../mask'
import { photoSight, type PhotoSight } from '../photo-sight'
import { heldClaimStatuses, type WishActor } from './wish.machine'

/**
 * What the directory says about the caller's party membership, read by the use case (I/O) and handed
 * in as plain data, so the relations stay a pure function.
 */
export type MemberFacts = {
  /** Branches the caller is a verified member of (双报到 included), with the branches above them up to the community. */
  verifiedBranchIds: readonly string[]
  /** Communities whose 大党委 holds a branch the caller is a verified member of. */
  partyCommunityIds: readonly string[]
}
export const NO_MEMBERSHIP: MemberFacts = { verifiedBranchIds: [], partyCommunityIds: [] }

/** The facts of a wish that decide how a caller stands to it. */
export type WishScope = Pick<Wish, 'wisherId' | 'claim' | 'route'>

/** Every way the caller stands to the wish, or ['other']: a committee member may also be a member of the branch. */
export function wishRelationsTo(actor: Actor, wish: WishScope, facts: MemberFacts): WishRelation[] {
  const { branchId, communityId, gridId } = wish.route
  const relations: WishRelation[] = []
  if (wish.wisherId === actor.userId) relations.push('wisher')
  if (wish.claim?.memberId === actor.userId) relations.push('claimer')
  const ofBranch = branchId !== null && facts.verifiedBranchIds.includes(branchId)
  if (ofBranch) relations.push('branchMember')
  // Issue 7: widening reaches "the community's whole 大党委"; the machine lets them claim only once it has.
  else if (facts.partyCommunityIds.includes(communityId)) relations.push('widenedMember')
  if (actor.communityIds.includes(communityId)) relations.push('committee')
  if (gridId !== null && actor.gridIds.includes(gridId)) relations.push('gridWorker')
  if (branchId !== null && actor.branchIds.includes(branchId)) relations.push('branchSecretary')
  return relations.length > 0 ? relations : ['other']
}

/** The caller as the machine needs it: built here, so no use case hands the machine relations of its own. */
export const wishActor = (actor: Actor, wish: WishScope, facts: MemberFacts): WishActor => ({
  id: actor.userId,
  relations: wishRelationsTo(actor, wish, facts),
})

/** On the wall: published and after, never a wish in review, returned, withdrawn or turned into a request. */
const onTheWall: readonly WishStatus[] = ['published', 'claimed', 'fulfilled', 'realised']

/**
 * full: the wish's text and photos (contact is contactView's matter). publicLine: issue 7 "Everyone
 * else sees only a masked public line on the wish wall". none: not on the wall and not theirs.
 */
export type WishVisibility = 'full' | 'publicLine' | 'none'

export function wishVisibility(wish: Pick<Wish, 'status' | 'audience'>, relations: readonly WishRelation[]): WishVisibility {
  const has = (r: WishRelation) => relations.includes(r)
  // The resident their own; the reviewers of the community and the grid from review on; the claimer what they hold.
  if (has('wisher') || has('committee') || has('gridWorker') || has('claimer')) return 'full'
  if (!onTheWall.includes(wish.status)) return 'none'
  // Issue 7: "seen first by the verified party members of the matching branch", then the 大党委 after widening.
  if (has('branchMember') || has('branchSecretary') || (has('widenedMember') && wish.audience === 'community')) return 'full'
  return 'publicLine'
}

/** The wish wall's line (issue 7: "category, short summary, which branch helped, when"): nothing of who or where. */
export type WishPublicLine = { _id: string; category: WishCategory; summary: string; status: WishStatus; at: number; helpedByBranchId?: string }

export function publicLine(wish: Wish, helpedByBranchId?: string): WishPublicLine {
  const at = wish.confirmation?.at ?? wish.publishedAt ?? wish.createdAt
  return {
    _id: wish._id, category: wish.category, summary: wish.summary ?? '', status: wish.status, at,
    ...(wish.status === 'realised' && helpedByBranchId !== undefined && { helpedByBranchId }),
  }
}

export type WisherContact = { name: string; phone?: string; address?: string }
export type WisherContactView = { name: string; phone?: string; address?: string; masked: boolean; logRead: boolean }


/** Issue 7 Review: "committee of that community, or the grid worker who visited — 核实" (wish.machine reviewers). */
export const isWishReviewer = (relations: readonly WishRelation[]): boolean => relations.includes('committee') || relations.includes('gridWorker')

/** A reviewer's deliberate look (wishes.revealContact): everything the wish keeps, logged by the use case. */
export function reviewerContactView(contact: WisherContact, relations: readonly WishRelation[]): WisherContactView | null {
  return isWishReviewer(relations) ? { ...contact, masked: false, logRead: true } : null
}

/**
 * Issue 7 Contact: "the wisher's name, phone and (for 上门) address are masked to everyone until a
 * claim; the current claimer sees them in full, each look audit-logged; after release, lapse or revoke
 * they are masked again for that member" — who is no longer the claimer. For 送到居委会/党群服务站 the
 * address is nobody's but the resident's ("so the helper never needs the address"). A masked address
 * is left out, not shortened: a room's first and last digit name the door in a building of few floors.
 * Staff read a household's contact through the directory, which logs it there.
 */
export function wisherContactView(
  contact: WisherContact, wish: Pick<Wish, 'status' | 'delivery'>, relations: readonly WishRelation[],
): WisherContactView {
  if (relations.includes('wisher')) return { ...contact, masked: false, logRead: false }
  if (relations.includes('claimer') && heldClaimStatuses.includes(wish.status)) {
    const { address, ...rest } = contact
    return { ...rest, ...(wish.delivery === 'home' && address !== undefined && { address }), masked: false, logRead: true }
  }
  return {
    name: maskName(contact.name),
    ...(contact.phone !== undefined && { phone: maskPhone(contact.phone) }),
    masked: true,
    logRead: false,
  }
}

/**
 * Those who follow the wish through: the resident, the member holding it, its reviewers. They see how
 * it goes (the timeline, the cancel request, the fulfilment and the confirmation); a member of the
 * branch deciding whether to claim sees the wish itself.
 */
export const followsWish = (relations: readonly WishRelation[]): boolean =>
  relations.includes('wisher') || relations.includes('claimer') || isWishReviewer(relations)

/**
 * A wish's photo, to one viewer (core/photo-sight.ts): before WeChat's verdict only its uploader and
 * the reviewers see it — not the members for the resident's photo, nor the resident for the claimer's
 * evidence; a hidden one, the reviewers, and its uploader is told it did not pass.
 */
export function wishPhotoSight(state: PhotoState, relations: readonly WishRelation[], isUploader: boolean): PhotoSight {
  const reviewer = isWishReviewer(relations)
  return photoSight(state, { isUploader, handlesItem: reviewer, reviewsContent: reviewer })
}

/**
 * Issue 7 Pages: "wishes for my branch (nearest first …)". Nearness in the directory's own terms, from
 * the member's home: the same building, the same grid, else the community. Never a distance: a
 * distance with a few tries locates the wisher's door (issue 7: "a place from distances").
 */
export type Nearness = 'building' | 'grid' | 'community'
export function nearness(home: { buildingId: string | null; gridId: string | null } | null, route: Pick<Wish['route'], 'buildingId' | 'gridId'>): Nearness {
  if (home?.buildingId && home.buildingId === route.buildingId) return 'building'
  if (home?.gridId && home.gridId === route.gridId) return 'grid'
  return 'community'
}
export const nearnessOrder: Record<Nearness, number> = { building: 0, grid: 1, community: 2 }

/** Issue 7 Ledger: "a credit can be reversed only by a compensating entry with a reason" — by the committee of the wish's community, once realised. */
export const mayReverseCredit = (wish: Pick<Wish, 'status'>, relations: readonly WishRelation[]): boolean =>
  wish.status === 'realised' && relations.includes('committee')
