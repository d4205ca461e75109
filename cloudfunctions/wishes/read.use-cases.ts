import { failure, success } from '../../types'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { offsetOf, page } from '../shared/runtime/paging'
import { factsOf, notFound } from './transition'
import { loadWish, StoredWish } from './wish-store'
import { detailOf, listItemOf } from './wish-view'

async function fetchPage(query: object, orderBy: [string, 'asc' | 'desc'], offset: number, limit: number): Promise<StoredWish[]> {
  const { data } = await database().collection(Collections.wishes).where(query).orderBy(orderBy[0], orderBy[1]).orderBy('_id', 'asc').skip(offset).limit(limit + 1).get()
  return (data as unknown[]).map((doc) => StoredWish.parse(doc))
}

/** The resident's own wishes, latest change first (by_wisher). */
export const listMine: ActionHandler<'wishes', 'listMine'> = async (input, { actor }) => {
  const offset = offsetOf(input.cursor)
  const fetched = await fetchPage({ wisherId: actor.userId }, ['updatedAt', 'desc'], offset, input.limit)
  const { items, nextCursor } = page(fetched, offset, input.limit)
  return success({ items: items.map(listItemOf), nextCursor })
}

export const detail: ActionHandler<'wishes', 'detail'> = async (input, ctx) => {
  const [stored, facts] = await Promise.all([loadWish(input.wishId), factsOf(ctx)])
  const view = stored && (await detailOf(stored, ctx.actor, facts, ctx.now))
  return view ? success(view) : notFound()
}

/**
 * A verified party member's wishes to take: published ones of their branch (by_branch_status), and
 * those widened to their community's 大党委 (by_community_audience); needed-by soonest first.
 */
export const listForMe: ActionHandler<'wishes', 'listForMe'> = async (input, ctx) => {
  const facts = await factsOf(ctx)
  if (facts.verifiedBranchIds.length === 0) return failure('FORBIDDEN', '报到并经支部确认的党员才能认领微心愿')
  const _ = database().command
  const clauses: object[] = [{ 'route.branchId': _.in([...facts.verifiedBranchIds]), status: 'published' }]
  if (facts.partyCommunityIds.length > 0) {
    clauses.push({ 'route.communityId': _.in([...facts.partyCommunityIds]), audience: 'community', status: 'published' })
  }
  const offset = offsetOf(input.cursor)
  const fetched = await fetchPage(clauses.length === 1 ? clauses[0] : _.or(clauses), ['neededBy', 'asc'], offset, input.limit)
  const { items, nextCursor } = page(fetched, offset, input.limit)
  return success({ items: items.map(listItemOf), nextCursor })
}
