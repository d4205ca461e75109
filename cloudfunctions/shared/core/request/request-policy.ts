import type { StaffRoles } from '../../../../types/directory.schema'
import type { PlaceView } from '../../../../types/request.actions'
import type { Moderation, Request, RequestRelation } from '../../../../types/request.schema'
import type { Actor } from '../actor'
import { maskPhone } from '../mask'
import { followableStatuses, openStatuses, type TransitionActor } from './request.machine'

/** The facts of a request that decide how a caller stands to it. */
export type RequestScope = Pick<Request, 'residentId' | 'ownerId' | 'coHandlerIds' | 'route' | 'streetId'>

/**
 * Every way the caller stands to the request, or ['other']. One person may hold several: a grid
 * worker who found an item on patrol owns it and is staff of its grid.
 */
export function relationsTo(actor: Actor, request: RequestScope): RequestRelation[] {
  const relations: RequestRelation[] = []
  if (request.residentId !== null && request.residentId === actor.userId) relations.push('requester')
  if (request.ownerId === actor.userId) relations.push('owner')
  if (request.coHandlerIds.includes(actor.userId)) relations.push('coHandler')
  if (request.route.gridId !== null && actor.gridIds.includes(request.route.gridId)) relations.push('gridStaff')
  if (actor.communityIds.includes(request.route.communityId)) relations.push('committee')
  if (actor.streetIds.includes(request.streetId)) relations.push('streetAdmin')
  return relations.length > 0 ? relations : ['other']
}

/** The caller as the machine needs it: built here, so no use case hands the machine relations of its own. */
export const transitionActor = (actor: Actor, request: RequestScope): TransitionActor => ({
  id: actor.userId,
  relations: relationsTo(actor, request),
})

/**
 * full: the resident their own, staff the items of their grids / community / street, handlers theirs.
 * summary: anyone else, of an item they could +1 — category, status, place, no text or photos (the
 * text may name people). none: everything else.
 */
export type Visibility = 'full' | 'summary' | 'none'

export function visibility(request: Pick<Request, 'status'>, relations: readonly RequestRelation[]): Visibility {
  if (relations.some((r) => r !== 'other' && r !== 'system')) return 'full'
  return followableStatuses.includes(request.status) ? 'summary' : 'none'
}

/** 有困难找居村 privacy: contact details go to the resident and those handling the item, no one else. */
const contactRelations: readonly RequestRelation[] = ['requester', 'owner', 'coHandler']

export type Contact = { phone?: string; room?: string }
export type ContactView = Contact & { masked: boolean; logRead: boolean }

/**
 * Lists always mask (docs/DOMAIN.md: masked in every list); a detail shows the full contact to the resident and
 * the handlers. A staff member's full read is logged; the resident reading their own is not. A masked
 * contact carries no room at all: any shortened room is recoverable from the building's room list.
 */
export function contactView(contact: Contact, relations: readonly RequestRelation[], where: 'list' | 'detail'): ContactView {
  const full = where === 'detail' && relations.some((r) => contactRelations.includes(r))
  if (!full) {
    return {
      ...(contact.phone !== undefined && { phone: maskPhone(contact.phone) }),
      masked: true,
      logRead: false,
    }
  }
  const staffRead = !relations.includes('requester') && (contact.phone !== undefined || contact.room !== undefined)
  return { ...contact, masked: false, logRead: staffRead }
}

/**
 * Issue 9 (call both ways): the resident may ring the owner's work phone while their request is
 * still being handled; once it is closed, withdrawn or referred the number has no business on the
 * page. Staff reach each other through the directory, not a resident's item.
 */
export function mayCallOwner(request: Pick<Request, 'status' | 'ownerId'>, relations: readonly RequestRelation[]): boolean {
  return request.ownerId !== null && relations.includes('requester') && openStatuses.includes(request.status)
}

/**
 * Where the request is, as the caller may see it. A household id names the room (`hh-<building>-<room>`),
 * so the place in full goes with the contact in full (the detail logs that read as a room read);
 * anyone else learns the kind of place and the building, which placeLabel names anyway.
 */
export function placeView(request: Pick<Request, 'place' | 'route'>, contact: Pick<ContactView, 'masked'>): PlaceView {
  if (!contact.masked) return request.place
  return 'householdId' in request.place ? { kind: 'household', buildingId: request.route.buildingId } : { kind: 'point' }
}

/** Content review is the committee's and the street's: the same relations review.use-case acts as. */
const reviewerRelations: readonly RequestRelation[] = ['committee', 'streetAdmin']
export const isReviewer = (relations: readonly RequestRelation[]): boolean => relations.some((r) => reviewerRelations.includes(r))

/**
 * The word content safety matched stays with the reviewers: told to the resident, it teaches how to
 * slip past the filter (and a false match reads as an accusation). The decision and its note stay.
 */
export function moderationView(moderation: Moderation | null, relations: readonly RequestRelation[]): Partial<Moderation> | null {
  if (moderation === null || isReviewer(relations)) return moderation
  const { reason: _matched, ...decision } = moderation
  // Still in review there is no decision yet: nothing of the verdict is theirs to see.
  return Object.keys(decision).length > 0 ? decision : null
}

/** What the directory says about where people serve, for mayBeCoHandler. */
export type CoHandlerDirectory = {
  streetOfCommunity: ReadonlyMap<string, string>
  communityOfGrid: ReadonlyMap<string, string>
  /** The communities where the directory names a person for a job: a building's property contact, a community post. */
  postsIn: ReadonlyMap<string, readonly string[]>
}

/**
 * Who may be brought in as a co-handler (transfer, 吹哨). A co-handler reads the resident's phone and
 * room, so it is never anyone who merely has an account: staff (grid workers, committee, street) or
 * someone the directory names for a job (a building's property contact, a community post) — and only
 * where they serve the request's street, as directory listColleagues offers them.
 */
export function mayBeCoHandler(target: { _id: string; staff: StaffRoles }, request: Pick<Request, 'streetId'>, directory: CoHandlerDirectory): boolean {
  const { gridWorker, committee, streetAdmin } = target.staff
  const communities = [
    ...(committee?.communityIds ?? []),
    ...(gridWorker?.gridIds ?? []).flatMap((gridId) => directory.communityOfGrid.get(gridId) ?? []),
    ...(directory.postsIn.get(target._id) ?? []),
  ]
  return (streetAdmin?.streetIds.includes(request.streetId) ?? false) || communities.some((id) => directory.streetOfCommunity.get(id) === request.streetId)
}

/** Actions on no single request: filing for others, reading a dashboard or an inbox, given the territory in question. */
export type RequestPermission =
  | { action: 'request.fileForOthers'; gridId: string | null; communityId: string; streetId: string }
  | { action: 'request.dashboard'; gridId: string | null; communityId: string | null; streetId: string }
  | { action: 'request.reviewQueue' }
  | { action: 'request.inbox'; namedForJob: boolean }

/**
 * A grid worker holds their grids, a committee member their community, street staff the whole street.
 * The use case fills in every level above the one asked about: a grid's dashboard carries its community.
 */
const holds = (actor: Actor, at: { gridId: string | null; communityId: string | null; streetId: string }) =>
  (at.gridId !== null && actor.gridIds.includes(at.gridId)) ||
  (at.communityId !== null && actor.communityIds.includes(at.communityId)) ||
  actor.streetIds.includes(at.streetId)

export function canRequest(actor: Actor, permission: RequestPermission): boolean {
  switch (permission.action) {
    // 代办 and 主动治理 are staff's work within their own territory, never a resident's.
    case 'request.fileForOthers':
      return holds(actor, permission)
    // A dashboard is as wide as its scope: a community's needs the committee, a grid's its worker too.
    case 'request.dashboard':
      return holds(actor, permission)
    // Content review is the committee's (and the street's): grid workers see flagged items once released.
    case 'request.reviewQueue':
      return actor.communityIds.length > 0 || actor.streetIds.length > 0
    // An inbox is for those requests are routed to: staff with a territory, or someone the directory
    // names for a job (a building's property contact, a community post) though they hold no staff role.
    case 'request.inbox':
      return permission.namedForJob || actor.gridIds.length > 0 || actor.communityIds.length > 0 || actor.streetIds.length > 0
    default: {
      const unreachable: never = permission
      return unreachable
    }
  }
}
