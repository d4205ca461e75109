import { z } from 'zod'
import { CreditEntry, failure, success } from '../../types'
import { publicLine } from '../shared/core/wish/wish-policy'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { homeBuildingOf, loadDirectory } from '../shared/runtime/directory-cache'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { offsetOf, page } from '../shared/runtime/paging'
import { StoredWish } from './wish-store'

/** A realised wish with the ledger's lines of it (the lookup's `credits`). */
const WallWish = StoredWish.extend({ credits: z.array(CreditEntry) })

/**
 * The wish wall (心愿墙, issue 7: "realised wishes of the community, masked (category, short summary,
 * which branch helped, when), for residents to see — 公示"): the reviewer's public summary, never the
 * wisher's words, name or place. Which branch helped is the one the ledger credited: a widened wish
 * may have been fulfilled by a member of another branch than its own. Any signed-in resident reads
 * their own community's wall, or a community they name.
 */
export const wall: ActionHandler<'wishes', 'wall'> = async (input, { actor, now }) => {
  const directory = await loadDirectory(now)
  const communityId = input.communityId ?? (await homeBuildingOf(actor.user?.householdId, directory))?.communityId
  const community = communityId ? directory.communities.get(communityId) : undefined
  if (!community) return input.communityId ? failure('NOT_FOUND', '没有找到这个社区') : failure('INVALID_INPUT', 'communityId: 请先选择社区')
  const offset = offsetOf(input.cursor)
  // The page and the ledger's lines of its wishes in one request (a lookup), not a read of the page
  // and then one of its credits.
  const { data } = (await database()
    .collection(Collections.wishes)
    .aggregate()
    .match({ 'route.communityId': community._id, status: 'realised' })
    .sort({ closedAt: -1, _id: 1 })
    .skip(offset)
    .limit(input.limit + 1)
    .lookup({ from: Collections.creditEntries, localField: '_id', foreignField: 'wishId', as: 'credits' })
    .end()) as { data: unknown[] }
  const { items, nextCursor } = page(data.map((doc) => WallWish.parse(doc)), offset, input.limit)
  const helpedBy = new Map(items.flatMap((w) => w.credits.flatMap((c) => (c.reversalOf === undefined && c.to.kind === 'branch' ? [[w._id, c.to.id] as const] : []))))
  const branchName = (branchId: string | undefined) => (branchId ? (directory.branches.get(branchId)?.name ?? null) : null)
  return success({
    communityId: community._id,
    communityName: community.name,
    items: items.map((w) => {
      const line = publicLine(w, helpedBy.get(w._id))
      return { _id: line._id, category: line.category, summary: line.summary, branchName: branchName(line.helpedByBranchId), realisedAt: line.at }
    }),
    nextCursor,
  })
}
