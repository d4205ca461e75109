import { z } from 'zod'
import { CreditEntry, failure, success, User, type RankingLine, type ServiceRecord } from '../../types'
import { balances, ranking as rank } from '../shared/core/wish/wish-ledger'
import { mayReverseCredit, wishRelationsTo } from '../shared/core/wish/wish-policy'
import { liveClaimStatuses } from '../shared/core/wish/wish.machine'
import { startOfShanghaiMonth } from '../../types/calendar'
import { branchAndBelow, branchLineage, loadDirectory, type Directory } from '../shared/runtime/directory-cache'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { findByIds, findMany } from '../shared/runtime/documents'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { userNames } from '../shared/runtime/user-names'
import { reverseCredits } from './ledger'
import { factsOf, notFound, visibleWish } from './transition'
import { StoredWish } from './wish-store'
import { listItemOf } from './wish-view'

/** Ledger lines a member sees on their record; the record's figures count them all. */
const LINES_SHOWN = 20
/** What a branch's view lists of each kind: its open work, not its history. */
const OVERVIEW_SHOWN = 50
/** A branch is tens of members (runtime reads page through 1000 at a time). */
const MEMBERS_READ = 500

/**
 * The records of these members, in three reads however many they are: their credit lines, their
 * lapses (from the timeline: issue 7 "the member's record counts a lapse") and their live claims.
 */
async function recordsOf(members: readonly { _id: string; name: string }[]): Promise<ServiceRecord[]> {
  if (members.length === 0) return []
  const _ = database().command
  const ids = members.map((m) => m._id)
  const [credits, lapses, live] = await Promise.all([
    findMany(Collections.creditEntries, { 'to.kind': 'member', 'to.id': _.in(ids) }, CreditEntry),
    findMany(Collections.wishEvents, { 'details.memberId': _.in(ids), action: 'lapse' }, LapseEvent),
    findMany(Collections.wishes, { 'claim.memberId': _.in(ids), status: _.in([...liveClaimStatuses]) }, ClaimedWish),
  ])
  const totals = balances(credits)
  const count = (values: string[], id: string) => values.filter((v) => v === id).length
  const lapsedBy = lapses.map((e) => e.details.memberId)
  const liveBy = live.map((w) => w.claim.memberId)
  return members.map((m) => ({
    memberId: m._id, name: m.name, realised: totals.get(`member:${m._id}`) ?? 0, lapses: count(lapsedBy, m._id), liveClaims: count(liveBy, m._id),
  }))
}

const LapseEvent = z.object({ details: z.object({ memberId: z.string() }) })
const ClaimedWish = z.object({ claim: z.object({ memberId: z.string() }) })

/** The member's own record, and their latest ledger lines with the wish each was for. */
export const myRecord: ActionHandler<'wishes', 'myRecord'> = async (_input, { actor }) => {
  const name = actor.user?.name ?? ''
  const [[record], lines] = await Promise.all([
    recordsOf([{ _id: actor.userId, name }]),
    findMany(Collections.creditEntries, { 'to.kind': 'member', 'to.id': actor.userId }, CreditEntry, { orderBy: ['at', 'desc'], limit: LINES_SHOWN }),
  ])
  const summaries = await findByIds(Collections.wishes, lines.map((l) => l.wishId), StoredWish.pick({ _id: true, summary: true }))
  const summaryOf = new Map(summaries.map((w) => [w._id, w.summary]))
  return success({
    record,
    lines: lines.map((l) => ({ wishId: l.wishId, summary: summaryOf.get(l.wishId) ?? null, amount: l.amount, reason: l.reason, at: l.at })),
  })
}

/** The community a branch belongs to: the unit of the 社区大党委 at or above it. */
function communityOfBranch(directory: Directory, branchId: string): string | null {
  for (const id of branchLineage(directory, branchId)) {
    const branch = directory.branches.get(id)
    if (branch?.level === 'community') return branch.unitId
  }
  return null
}

/**
 * A branch's view (issue 7 Pages: "branch view for the secretary (unclaimed, lapsed, members'
 * records)"), for the secretary of the branch or of one above it, and for the committee of its
 * community. A branch's view covers the party groups under it. Without a branch named: the caller's
 * own — the branch they are secretary of, else their community's 大党委.
 */
export const branchOverview: ActionHandler<'wishes', 'branchOverview'> = async (input, { actor, now }) => {
  const directory = await loadDirectory(now)
  const communityBranch = [...directory.branches.values()].find((b) => b.level === 'community' && actor.communityIds.includes(b.unitId))
  const branchId = input.branchId ?? actor.branchIds[0] ?? communityBranch?._id
  const branch = branchId ? directory.branches.get(branchId) : undefined
  if (!branch) return input.branchId ? failure('NOT_FOUND', '没有找到这个支部') : failure('FORBIDDEN', '支部书记和居委会才能查看支部的心愿')
  const community = communityOfBranch(directory, branch._id)
  const mayView = branchLineage(directory, branch._id).some((id) => actor.branchIds.includes(id)) || (community !== null && actor.communityIds.includes(community))
  if (!mayView) return failure('FORBIDDEN', '支部书记和居委会才能查看支部的心愿')
  const _ = database().command
  const below = branchAndBelow(directory, branch._id)
  const inBranch = { 'route.branchId': _.in(below) }
  const month = { from: startOfShanghaiMonth(now), to: now + 1 }
  const [unclaimed, lapsed, members] = await Promise.all([
    findMany(Collections.wishes, { ...inBranch, status: 'published' }, StoredWish, { orderBy: ['publishedAt', 'asc'], limit: OVERVIEW_SHOWN }),
    findMany(Collections.wishes, { ...inBranch, status: _.in(['published', 'claimed']), lapses: _.gt(0) }, StoredWish, { orderBy: ['updatedAt', 'desc'], limit: OVERVIEW_SHOWN }),
    findMany(Collections.users, { 'party.branchId': _.in(below), 'party.status': 'verified' }, User, { limit: MEMBERS_READ }),
  ])
  // Both follow from the members alone: side by side.
  const [records, monthCredits] = await Promise.all([
    recordsOf(members),
    findMany(Collections.creditEntries, { 'to.kind': 'member', 'to.id': _.in(members.map((m) => m._id)), at: _.gte(month.from) }, CreditEntry),
  ])
  const nameOf = new Map(members.map((m) => [m._id, m.name]))
  return success({
    branch: { _id: branch._id, name: branch.name },
    unclaimed: unclaimed.map((w) => listItemOf(w, { followsClaims: true })),
    lapsed: lapsed.map((w) => listItemOf(w, { followsClaims: true })),
    members: records.sort((a, b) => b.realised - a.realised || a.name.localeCompare(b.name, 'zh')),
    ranking: rank(monthCredits, month, 'member').map(({ account, fulfilments }) => {
      const id = account.replace(/^member:/, '')
      return { id, name: nameOf.get(id) ?? '', fulfilments }
    }),
  })
}

/**
 * Issue 7 Ledger: "Rankings are by confirmed fulfilment in a period; closed periods don't change"
 * (each entry counts in the period it was written in: core/wish/wish-ledger.ts ranking). For the
 * community's party members and its staff.
 */
export const ranking: ActionHandler<'wishes', 'ranking'> = async (input, ctx) => {
  const [facts, directory] = await Promise.all([factsOf(ctx), loadDirectory(ctx.now)])
  const community = directory.communities.get(input.communityId)
  if (!community) return failure('NOT_FOUND', '没有找到这个社区')
  const { actor } = ctx
  const mayView = facts.partyCommunityIds.includes(community._id) || actor.communityIds.includes(community._id) || actor.streetIds.includes(community.streetId)
  if (!mayView) return failure('FORBIDDEN', '本社区的党员和工作人员才能查看排名')
  const _ = database().command
  const entries = await findMany(Collections.creditEntries, { communityId: community._id, 'to.kind': input.kind, at: _.gte(input.period.from).and(_.lt(input.period.to)) }, CreditEntry)
  const lines = rank(entries, input.period, input.kind)
  const ids = lines.map((l) => l.account.replace(/^(member|branch):/, ''))
  const names = input.kind === 'member' ? await userNames(ids, ctx.now) : new Map(ids.map((id) => [id, directory.branches.get(id)?.name ?? id]))
  return success(lines.map((l, i): RankingLine => ({ id: ids[i], name: names.get(ids[i]) ?? '', fulfilments: l.fulfilments })))
}

/** The committee takes a realised wish's credit back, each entry by a compensating one with the reason (a fulfilment found untrue later). */
export const reverseCredit: ActionHandler<'wishes', 'reverseCredit'> = async (input, ctx) => {
  const facts = await factsOf(ctx)
  const wish = await visibleWish(input.wishId, ctx, facts)
  if (!wish) return notFound()
  if (!mayReverseCredit(wish, wishRelationsTo(ctx.actor, wish, facts))) return failure('FORBIDDEN', '只有本社区居委会可以撤销已实现心愿的积分')
  return success({ reversed: await reverseCredits(wish._id, input.reason, ctx.actor.userId, ctx.now) })
}
