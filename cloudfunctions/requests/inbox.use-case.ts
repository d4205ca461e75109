import { failure, InboxState, success, type Failure, type InboxCounts, type Urgency } from '../../types'
import type { Actor } from '../shared/core/actor'
import { inboxStatuses } from '../shared/core/request/inbox'
import { canRequest } from '../shared/core/request/request-policy'
import { appendListRead } from '../shared/runtime/audit-log'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { loadDirectory } from '../shared/runtime/directory-cache'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { offsetOf } from '../shared/runtime/paging'
import { countRequests, pageRequests } from './request-queries'
import { summaries } from './request-view'

/** What lands on this person's desk: theirs, shared with them, or in the territory they hold. */
function desk(actor: Actor) {
  const _ = database().command
  return _.or([
    { ownerId: actor.userId },
    { coHandlerIds: actor.userId },
    ...(actor.gridIds.length ? [{ 'route.gridId': _.in(actor.gridIds) }] : []),
    ...(actor.communityIds.length ? [{ 'route.communityId': _.in(actor.communityIds) }] : []),
    ...(actor.streetIds.length ? [{ streetId: _.in(actor.streetIds) }] : []),
  ])
}

/** Where the caller reviews content: their communities and streets (the review queue's territory). */
function reviewTerritory(actor: Actor) {
  const _ = database().command
  return _.or([
    ...(actor.communityIds.length ? [{ 'route.communityId': _.in(actor.communityIds) }] : []),
    ...(actor.streetIds.length ? [{ streetId: _.in(actor.streetIds) }] : []),
  ])
}

/** deadlines.ts classify as ranges over the stored keys (core/request/inbox.ts inboxKeys). */
function urgencyIs(urgency: Urgency, now: number) {
  const _ = database().command
  switch (urgency) {
    case 'overdue':
      return { inboxDueAt: _.lt(now) }
    case 'dueSoon':
      return { inboxDueAt: _.gte(now), inboxRemindAt: _.lte(now) }
    case 'onTime':
      return { inboxRemindAt: _.gt(now) }
    default: {
      const unreachable: never = urgency
      return unreachable
    }
  }
}

/**
 * Requests reach people the directory names for a job (routing's property contacts and community
 * posts) as well as staff: they too have an inbox. Anyone else is refused, not shown an empty desk.
 */
async function refuseNonHandler(actor: Actor, now: number): Promise<Failure | null> {
  const directory = await loadDirectory(now)
  const namedForJob =
    [...directory.buildings.values()].some((b) => b.propertyContactId === actor.userId) ||
    [...directory.communities.values()].some((c) => Object.values(c.posts).includes(actor.userId))
  return canRequest(actor, { action: 'request.inbox', namedForJob }) ? null : failure('FORBIDDEN', '诉求收件箱是办理诉求的工作人员用的')
}

type Filter = { state?: InboxState; urgency?: Urgency }

/** One tab's items: by state (without one, the open work) and urgency, within the caller's desk. */
function inboxWhere(input: Filter, actor: Actor, reviewer: boolean, now: number) {
  const states = input.state ? [input.state] : InboxState.options.filter((s) => s !== 'done' && (s !== 'review' || reviewer))
  const _ = database().command
  const byStatus = _.and([{ status: _.in(states.flatMap((s) => [...inboxStatuses[s]])) }, desk(actor)])
  // The review tab also holds items of the reviewer's territory whose photo was judged risky, in
  // whatever status they are (runtime/photos.ts markForReview): the lifecycle has no step for it.
  const photoMarked = input.state === 'review' ? _.and([{ photoReviewAt: _.gt(0) }, reviewTerritory(actor)]) : null
  return _.and([photoMarked ? _.or([byStatus, photoMarked]) : byStatus, ...(input.urgency ? [urgencyIs(input.urgency, now)] : [])])
}

/**
 * The workbench: by state, in order of due time (overdue first, longest overdue on top), ordered and
 * paged by the database however many are open. Without a state it is the open work; the review queue
 * is the committee's and the street's (grid workers meet a flagged item once it is released), and
 * holds, besides the flagged items, those whose photo failed the media check.
 */
export const inbox: ActionHandler<'requests', 'inbox'> = async (input, { actor, now }) => {
  const refused = await refuseNonHandler(actor, now)
  if (refused) return refused
  const reviewer = canRequest(actor, { action: 'request.reviewQueue' })
  if (input.state === 'review' && !reviewer) return failure('FORBIDDEN', '内容审核由社区居委会和街道负责')
  const byDue = input.state !== 'done'
  const where = inboxWhere(input, actor, reviewer, now)
  const { items, nextCursor } = await pageRequests(where, byDue ? ['inboxDueAt', 'asc'] : ['updatedAt', 'desc'], offsetOf(input.cursor), input.limit)
  const rows = await summaries(items, actor, now, 'inbox')
  // The rows name the requester (王*) and carry the phone masked: a staff read of personal data, logged.
  const withContact = rows.filter((row) => row.requester || row.contact.phone)
  await appendListRead(actor.userId, now, Collections.requests, 'inbox', withContact.map((row) => row._id), ['name', 'phone'])
  return success({ items: rows, nextCursor })
}

/** Each tab's number, counted by the database with the very filter the tab lists by: never read item by item. */
export const inboxCounts: ActionHandler<'requests', 'inboxCounts'> = async (_input, { actor, now }) => {
  const refused = await refuseNonHandler(actor, now)
  if (refused) return refused
  const reviewer = canRequest(actor, { action: 'request.reviewQueue' })
  const count = (filter: Filter) => countRequests(inboxWhere(filter, actor, reviewer, now))
  const [overdue, toAccept, inHand, awaitingRating, review] = await Promise.all([
    count({ urgency: 'overdue' }),
    count({ state: 'toAccept' }),
    count({ state: 'inHand' }),
    count({ state: 'awaitingRating' }),
    reviewer ? count({ state: 'review' }) : Promise.resolve(null),
  ])
  const counts: InboxCounts = { overdue, toAccept, inHand, awaitingRating, review }
  return success(counts)
}
