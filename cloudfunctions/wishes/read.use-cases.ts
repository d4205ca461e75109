import { failure, success, type WishStatus } from '../../types'
import { maskName } from '../shared/core/mask'
import { heldClaimStatuses } from '../shared/core/wish/wish.machine'
import { nearness, nearnessOrder, reviewerContactView, wishRelationsTo } from '../shared/core/wish/wish-policy'
import { appendAudit } from '../shared/runtime/audit-log'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { homeBuildingOf, loadDirectory } from '../shared/runtime/directory-cache'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { offsetOf, page } from '../shared/runtime/paging'
import { userNames } from '../shared/runtime/user-names'
import { answerDetail, factsOf, notFound, visibleWish } from './transition'
import { StoredWish } from './wish-store'
import { listItemOf } from './wish-view'

type Order = [string, 'asc' | 'desc']

async function fetchWishes(query: object, orderBy: Order, offset: number, limit: number): Promise<StoredWish[]> {
  const { data } = await database().collection(Collections.wishes).where(query).orderBy(orderBy[0], orderBy[1]).orderBy('_id', 'asc').skip(offset).limit(limit).get()
  return (data as unknown[]).map((doc) => StoredWish.parse(doc))
}

/** The resident's own wishes, latest change first (by_wisher), with who holds each (刘*). */
export const listMine: ActionHandler<'wishes', 'listMine'> = async (input, { actor, now }) => {
  const offset = offsetOf(input.cursor)
  const { items, nextCursor } = page(await fetchWishes({ wisherId: actor.userId }, ['updatedAt', 'desc'], offset, input.limit + 1), offset, input.limit)
  const names = await userNames(items.flatMap((w) => (w.claim ? [w.claim.memberId] : [])), now)
  const claimerName = (w: StoredWish) => {
    const name = w.claim ? names.get(w.claim.memberId) : undefined
    return name === undefined ? null : maskName(name)
  }
  return success({ items: items.map((w) => listItemOf(w, { followsClaims: true, claimerName: claimerName(w) })), nextCursor })
}

export const detail: ActionHandler<'wishes', 'detail'> = async (input, ctx) => {
  const facts = await factsOf(ctx)
  const stored = await visibleWish(input.wishId, ctx, facts)
  return stored ? answerDetail(stored, ctx, facts) : notFound()
}

/**
 * The reviewers' deliberate look at the wisher's contact (核实 by a call, a visit before confirming
 * for them): in full, once per ask, each one audit-logged. Everyone else is refused: members see it
 * through their claim, and only while it lasts.
 */
export const revealContact: ActionHandler<'wishes', 'revealContact'> = async (input, ctx) => {
  const facts = await factsOf(ctx)
  const wish = await visibleWish(input.wishId, ctx, facts)
  if (!wish) return notFound()
  const view = reviewerContactView(wish.contact, wishRelationsTo(ctx.actor, wish, facts))
  if (!view) return failure('FORBIDDEN', '居委会和本网格的网格员才能查看居民的完整联系方式')
  const fields = Object.keys(wish.contact)
  await appendAudit({ actorId: ctx.actor.userId, at: ctx.now, action: 'contact.read', subject: { collection: Collections.wishes, id: wish._id }, fields })
  const { logRead: _logged, ...contact } = view
  return success(contact)
}

/** A branch's published wishes are tens, not thousands: read them whole, rank by nearness, page in memory. */
const FOR_ME_READ = 200

/**
 * A verified party member's wishes to take: published ones of their branch (by_branch_status), and
 * those widened to their community's 大党委 (by_community_audience); the nearest to their own home
 * first (the same building, the same grid, the community: wish-policy nearness), needed-by soonest
 * within each.
 */
export const listForMe: ActionHandler<'wishes', 'listForMe'> = async (input, ctx) => {
  const facts = await factsOf(ctx)
  if (facts.verifiedBranchIds.length === 0) return failure('FORBIDDEN', '报到并经支部确认的党员才能认领微心愿')
  const _ = database().command
  const clauses: object[] = [{ 'route.branchId': _.in([...facts.verifiedBranchIds]), status: 'published' }]
  if (facts.partyCommunityIds.length > 0) {
    clauses.push({ 'route.communityId': _.in([...facts.partyCommunityIds]), audience: 'community', status: 'published' })
  }
  const [published, home] = await Promise.all([
    fetchWishes(clauses.length === 1 ? clauses[0] : _.or(clauses), ['neededBy', 'asc'], 0, FOR_ME_READ),
    loadDirectory(ctx.now).then((directory) => homeBuildingOf(ctx.actor.user?.householdId, directory)),
  ])
  const ranked = published
    .filter((w) => w.wisherId !== ctx.actor.userId)
    .map((w) => ({ w, near: nearness(home && { buildingId: home._id, gridId: home.gridId }, w.route) }))
    .sort((a, b) => nearnessOrder[a.near] - nearnessOrder[b.near] || a.w.neededBy - b.w.neededBy)
  const offset = offsetOf(input.cursor)
  const { items, nextCursor } = page(ranked.slice(offset, offset + input.limit + 1), offset, input.limit)
  return success({ items: items.map(({ w, near }) => listItemOf(w, { near })), nextCursor })
}

/** The member's own claims still running — claimed, or fulfilled and waiting for the resident — the lock's end soonest first. */
export const myClaims: ActionHandler<'wishes', 'myClaims'> = async (input, { actor }) => {
  const _ = database().command
  const offset = offsetOf(input.cursor)
  const running = await fetchWishes({ 'claim.memberId': actor.userId, status: _.in([...heldClaimStatuses]) }, ['neededBy', 'asc'], offset, input.limit + 1)
  const { items, nextCursor } = page(running, offset, input.limit)
  return success({ items: items.map((w) => listItemOf(w, { followsClaims: true })), nextCursor })
}

const queues: Record<'review' | 'confirm' | 'open', { statuses: WishStatus[]; order: Order }> = {
  // Oldest first: each waits for 核实 as long as it has waited.
  review: { statuses: ['inReview'], order: ['createdAt', 'asc'] },
  // The longest unconfirmed first: the 7-day check comes for those.
  confirm: { statuses: ['fulfilled'], order: ['updatedAt', 'asc'] },
  open: { statuses: ['published', 'claimed'], order: ['neededBy', 'asc'] },
}

/** The reviewers' queues: the committee's community, a grid worker's grids (issue 7 Review: "committee of that community, or the grid worker"). */
export const listForReview: ActionHandler<'wishes', 'listForReview'> = async (input, { actor }) => {
  if (actor.communityIds.length === 0 && actor.gridIds.length === 0) return failure('FORBIDDEN', '心愿核实由居委会和网格员办理')
  const _ = database().command
  const { statuses, order } = queues[input.queue]
  const status = statuses.length === 1 ? statuses[0] : _.in(statuses)
  const clauses = [
    ...(actor.communityIds.length > 0 ? [{ 'route.communityId': _.in(actor.communityIds), status }] : []),
    ...(actor.gridIds.length > 0 ? [{ 'route.gridId': _.in(actor.gridIds), status }] : []),
  ]
  const offset = offsetOf(input.cursor)
  const fetched = await fetchWishes(clauses.length === 1 ? clauses[0] : _.or(clauses), order, offset, input.limit + 1)
  const { items, nextCursor } = page(fetched, offset, input.limit)
  return success({ items: items.map((w) => listItemOf(w, { followsClaims: true, forReviewer: true })), nextCursor })
}
