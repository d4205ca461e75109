import { CreditEntry, failure, success } from '../../types'
import { publicLine } from '../shared/core/wish/wish-policy'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { homeBuildingOf, loadDirectory } from '../shared/runtime/directory-cache'
import { findMany } from '../shared/runtime/documents'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { offsetOf, page } from '../shared/runtime/paging'
import { StoredWish } from './wish-store'

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
  const { data } = await database()
    .collection(Collections.wishes)
    .where({ 'route.communityId': community._id, status: 'realised' })
    .orderBy('closedAt', 'desc')
    .orderBy('_id', 'asc')
    .skip(offset)
    .limit(input.limit + 1)
    .get()
  const { items, nextCursor } = page((data as unknown[]).map((doc) => StoredWish.parse(doc)), offset, input.limit)
  const _ = database().command
  const credits = items.length === 0 ? [] : await findMany(Collections.creditEntries, { wishId: _.in(items.map((w) => w._id)), 'to.kind': 'branch' }, CreditEntry)
  const helpedBy = new Map(credits.filter((c) => c.reversalOf === undefined && c.to.kind === 'branch').map((c) => [c.wishId, c.to.kind === 'branch' ? c.to.id : '']))
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
