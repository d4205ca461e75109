import { z } from 'zod'
import { FollowStage, RequestDetail, RequestEvent, RequestSummary, TopicStatus, type Due, type Request } from '../../types'
import type { Actor } from '../shared/core/actor'
import { classify } from '../shared/core/request/deadlines'
import { availableActions } from '../shared/core/request/request.machine'
import { withoutOwnRating } from '../shared/core/request/rater-policy'
import { contactView, isReviewer, mayCallOwner, moderationView, placeView, relationsTo } from '../shared/core/request/request-policy'
import { appendAudit } from '../shared/runtime/audit-log'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { loadDirectory, type Directory } from '../shared/runtime/directory-cache'
import { findMany } from '../shared/runtime/documents'
import { settings } from '../shared/runtime/settings'
import { isFollowing } from './follows'
import { eventPhotos, photoViewer, preloadPhotoStates, withPhotoViews } from './photo-views'
import type { ViewPhotos } from '../shared/runtime/photo-viewer'
import { namesComing, rememberNames, userNames } from '../shared/runtime/user-names'
import { staffLines, type StaffLine } from '../shared/runtime/work-phones'
import { preload, takePreloaded } from '../shared/runtime/invocation'
import { latestStep, residentLatestOf, timelineOf, type StoredRequest } from './request-store'
import { excerpt } from '../shared/core/excerpt'
import { maskName } from '../shared/core/mask'
import { eventsFor, noteVisibleTo, seesStaffNotes } from '../shared/core/request/staff-notes'

const named = (id: string | null, names: ReadonlyMap<string, string>) => (id === null ? null : { id, name: names.get(id) ?? null })

export function dueOf(request: StoredRequest, now: number): Due | null {
  const c = classify(request, now, settings().deadlines)
  return c ? { stage: c.stage, dueAt: c.dueAt, urgency: c.urgency } : null
}

const contactOf = (r: StoredRequest) => ({
  ...(r.contactPhone !== undefined && { phone: r.contactPhone }),
  ...(r.contactRoom !== null && { room: r.contactRoom }),
})

/** Who asked, as a list may name them: the surname only (maskName), never a full name. */
function requesterOf(r: StoredRequest, names: ReadonlyMap<string, string>): string | null {
  if (r.filedBy.kind === 'onBehalf') return maskName(r.filedBy.residentName)
  if (r.filedBy.kind === 'proactive' || r.residentId === null) return null
  const name = names.get(r.residentId)
  return name ? maskName(name) : '居民'
}

/**
 * List rows: contact always masked (docs/DOMAIN.md: masked in every list), no text beyond an excerpt. The inbox
 * rows add what triage needs: the place (building or point, never the room) and the requester masked.
 */
export async function summaries(list: readonly StoredRequest[], actor: Actor, now: number, view: 'mine' | 'inbox' = 'mine'): Promise<RequestSummary[]> {
  const ownerIds = list.flatMap((r) => (r.ownerId ? [r.ownerId] : []))
  const residentIds = view === 'inbox' ? list.flatMap((r) => (r.residentId && r.filedBy.kind !== 'onBehalf' ? [r.residentId] : [])) : []
  const [directory, names] = await Promise.all([loadDirectory(now), userNames([...ownerIds, ...residentIds], now)])
  return list.map((r) => {
    const relations = relationsTo(actor, r)
    // The schema drops contactView's logRead: a list never shows a contact in full, so never logs.
    const contact = contactView(contactOf(r), relations, 'list')
    // A resident's list never names an internal note as the latest step: it names the last one they saw.
    const latest = seesStaffNotes(relations) ? latestStep(r.recentEvents.at(-1)) : residentLatestOf(r)
    return RequestSummary.parse({
      _id: r._id,
      category: r.category,
      status: r.status,
      excerpt: excerpt(r.text),
      filedBy: r.filedBy.kind,
      owner: named(r.ownerId, names),
      gridName: gridName(directory, r),
      escalation: r.escalation,
      due: dueOf(r, now),
      latest,
      contact,
      followers: r.followers,
      ...(r.photoReviewAt !== null && isReviewer(relations) && { photoReview: true }),
      ...(view === 'inbox' && {
        place: listPlace(directory, r),
        requester: requesterOf(r, names),
        ...(r.ownerId === actor.userId && { ownedByCaller: true }),
      }),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })
  })
}

/** A list's place: the building (near it, for a point beside one), else a point on the map of a grid. */
function listPlace(directory: Directory, r: StoredRequest): string {
  const building = r.route.buildingId ? directory.buildings.get(r.route.buildingId) : undefined
  if (building) return 'householdId' in r.place ? `${building.estate}${building.name}` : `${building.estate}${building.name}附近`
  const grid = gridName(directory, r)
  return grid ? `地图上的点（${grid}）` : '地图上的点'
}

const gridName = (directory: Directory, r: StoredRequest) => (r.route.gridId ? (directory.grids.get(r.route.gridId)?.name ?? null) : null)

/** Where, without the room: the room is contact detail, shown (or masked) in `contact`. */
function placeLabel(directory: Directory, r: StoredRequest): string {
  const building = r.route.buildingId ? directory.buildings.get(r.route.buildingId) : undefined
  const community = directory.communities.get(r.route.communityId)?.name ?? ''
  if (building) return 'householdId' in r.place ? `${building.estate}${building.name}` : `${building.estate}${building.name}附近`
  return gridName(directory, r) ?? community
}

const LinkedTopic = z.object({ _id: z.string(), title: z.string(), status: TopicStatus, followStage: FollowStage.nullable() })

const topicsKey = (requestId: string) => `${Collections.topics}/from/${requestId}`

/**
 * The owner's name and work line, which the resident's detail shows: a post's number changes a few
 * times a year, so a warm instance keeps each a minute (as user-names does the name), and a grid's
 * filings within it do not each read their worker's. A changed number shows within the minute.
 */
const LINE_TTL_MS = 60_000
const lines = new Map<string, { at: number; read: Promise<Map<string, StaffLine>> }>()
function ownerLine(ownerId: string, now: number): Promise<Map<string, StaffLine>> {
  const hit = lines.get(ownerId)
  if (hit && now - hit.at <= LINE_TTL_MS) return hit.read
  if (lines.size >= 1000) lines.clear()
  const read = staffLines([ownerId])
  lines.set(ownerId, { at: now, read })
  read.catch(() => lines.delete(ownerId))
  namesComing([ownerId], read.then((found) => found.values()), now)
  return read
}

/**
 * 每月一题 (issue 8): the topics answering this request — "the topic's follow-through shows on the
 * linked requests' timelines". Their status moves, so they are read, but only for a request that has
 * some (request-store linkedTopicIds); one filed before that field existed is looked up by the topics' index.
 */
type TopicLinks = Pick<StoredRequest, '_id' | 'linkedTopicIds'>
function linkedTopicsOf(r: TopicLinks) {
  if (r.linkedTopicIds?.length === 0) return Promise.resolve([])
  const _ = database().command
  const where = r.linkedTopicIds ? { _id: _.in(r.linkedTopicIds) } : { fromRequestIds: r._id }
  return findMany(Collections.topics, where, LinkedTopic, { limit: 50 }).then((topics) =>
    topics.map((t) => ({ topicId: t._id, title: t.title, status: t.status, followStage: t.followStage })))
}
const topicsLinkedTo = (r: TopicLinks) => takePreloaded<Awaited<ReturnType<typeof linkedTopicsOf>>>(topicsKey(r._id)) ?? linkedTopicsOf(r)

/**
 * The reads of a detail that the state about to be written decides (the owner's work line, the
 * names the timeline shows), started beside the write instead of after it: the answer then waits on
 * nothing but the writes. A lost race wastes them. The caller's own name is their record, read
 * this invocation: it is not read again.
 */
export function prepareDetail(r: Request & TopicLinks, actor: Actor, now: number, timeline: Promise<readonly RequestEvent[]>): void {
  if (actor.user) rememberNames([actor.user], now)
  preload(topicsKey(r._id), () => linkedTopicsOf(r))
  const relations = relationsTo(actor, r)
  const callable = mayCallOwner(r, relations) ? r.ownerId : null
  if (callable) ownerLine(callable, now).catch(() => undefined)
  timeline
    .then((events) => {
      const shown = eventsFor(events, relations)
      preloadPhotoStates(photosShown(r, shown))
      return userNames(namesShown(r, shown), now)
    })
    .catch(() => undefined)
}

const photosShown = (r: Request, timeline: readonly RequestEvent[]) => [...r.photos, ...(r.reply?.photos ?? []), ...timeline.flatMap(eventPhotos)]

const namesShown = (r: Request, timeline: readonly RequestEvent[]) => [...(r.ownerId ? [r.ownerId] : []), ...r.coHandlerIds, ...timeline.map((e) => e.actorId)]

/**
 * The detail, for those who may see it in full (the caller checked visibility). Contact details in
 * full only for the resident and the handlers; a staff member's full read goes to the audit log.
 * Photos as this viewer may see them (photo-views.ts), with temporary URLs made for this answer.
 * A request just filed passes its events: they are the whole timeline, no need to read them back.
 */
export async function detailOf(r: StoredRequest, actor: Actor, now: number, fresh?: readonly RequestEvent[]): Promise<RequestDetail> {
  const relations = relationsTo(actor, r)
  const callable = mayCallOwner(r, relations) ? r.ownerId : null
  const contact = contactView(contactOf(r), relations, 'detail')
  // The place goes in full with the contact; a household's id then names the room, which this entry
  // logs. It needs nothing read, so it goes out with the first reads.
  const logged = contact.logRead
    ? appendAudit({ actorId: actor.userId, at: now, action: 'contact.read', subject: { collection: Collections.requests, id: r._id }, fields: Object.keys(contactOf(r)) })
    : Promise.resolve()
  const available = availableActions(r, relations, now)
  const [directory, events, following, linkedTopics, ownerLines] = await Promise.all([
    loadDirectory(now),
    fresh ? [...fresh] : timelineOf(r),
    // Whether the caller +1'd it matters only where +1 is on offer (a neighbour, an open item: the
    // client's button); a requester or a handler is never offered it, so theirs is not read.
    available.includes('follow') ? isFollowing(r._id, actor.userId) : Promise.resolve(false),
    // A request just filed has led to no topic yet.
    fresh ? Promise.resolve([]) : topicsLinkedTo(r),
    callable ? ownerLine(callable, now) : Promise.resolve(new Map<string, StaffLine>()),
  ])
  const ownerWorkPhone = callable ? ownerLines.get(callable)?.workPhone : undefined
  rememberNames(ownerLines.values(), now)
  if (actor.user) rememberNames([actor.user], now)
  // Internal notes go before anything is made of them: no name looked up, no temporary URL for their photos.
  const timeline = eventsFor(events, relations)
  const namesRead = userNames(namesShown(r, timeline), now)
  const reviewer = isReviewer(relations)
  // Temporary URLs only now, past the caller's check that this viewer may see the item in full; the
  // names and the audit line go out with them, and the answer waits for all three.
  const [viewPhotos, names] = await Promise.all([photoViewer(photosShown(r, timeline), relations, actor.userId), namesRead, logged])
  return RequestDetail.parse({
    ...r,
    photos: viewPhotos(r.photos),
    reply: r.reply && { ...r.reply, photos: viewPhotos(r.reply.photos) },
    place: placeView(r, contact),
    moderation: moderationView(r.moderation, relations),
    owner: r.ownerId === null ? null : { ...named(r.ownerId, names), ...(ownerWorkPhone && { workPhone: ownerWorkPhone }) },
    coHandlers: r.coHandlerIds.map((id) => named(id, names)),
    communityName: directory.communities.get(r.route.communityId)?.name ?? '',
    gridName: gridName(directory, r),
    placeLabel: placeLabel(directory, r),
    contact,
    due: dueOf(r, now),
    timeline: timeline.map((event) => timelineLine(reviewer ? event : withoutMatchedWord(event), viewPhotos, names)),
    availableActions: withoutOwnRating(available, r, timeline, actor.userId),
    following,
    ...(r.photoReviewAt !== null && reviewer && { photoReview: true }),
    linkedTopics,
  })
}

/** A line as the client shows it: photos as views, and a note's audience out of `details` into its own field. */
function timelineLine(event: RequestEvent, viewPhotos: ViewPhotos, names: ReadonlyMap<string, string>) {
  const visibleTo = noteVisibleTo(event)
  const { visibleTo: _stored, ...details } = event.details ?? {}
  const bare = visibleTo === null ? event : { ...event, details }
  return { ...withPhotoViews(bare, viewPhotos), actorName: names.get(event.actorId) ?? null, ...(visibleTo && { visibleTo }) }
}

/** A flag event's note is the word content safety matched: the reviewers' to read (moderationView). */
function withoutMatchedWord(event: RequestEvent): RequestEvent {
  if (event.action !== 'flag') return event
  const { note: _matched, ...rest } = event
  return rest
}
