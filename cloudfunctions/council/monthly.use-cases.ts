import { failure, Message, success, type MonthlyCluster } from '../../types'
import { StoredRequest } from '../requests/request-store'
import { fileRequest } from '../requests/filing'
import { excerpt } from '../shared/core/excerpt'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { loadDirectory, type Directory } from '../shared/runtime/directory-cache'
import { findByIds, findMany } from '../shared/runtime/documents'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { deliver } from '../shared/runtime/notifications'
import { idempotentId } from '../shared/runtime/versioned-store'

/** A community's month is hundreds of requests; past this the clusters would be cut, and the log says so. */
const REQUESTS_READ = 5000
/** A cluster recurs when the same kind of thing came up at the same place at least this often in the period. */
const RECURRING = 2

const mayLook = (actor: { communityIds: string[]; streetIds: string[] }, directory: Directory, communityId: string) =>
  actor.communityIds.includes(communityId) || actor.streetIds.includes(directory.communities.get(communityId)?.streetId ?? '')

/** A request's place for 每月一题: its estate where it has a building (小区 or 自然村), else its grid. */
function placeOf(request: StoredRequest, directory: Directory): { placeKind: 'grid' | 'estate'; placeId: string; placeLabel: string } | null {
  const building = request.route.buildingId ? directory.buildings.get(request.route.buildingId) : undefined
  if (building) return { placeKind: 'estate', placeId: `estate:${building.estate}`, placeLabel: building.estate }
  const grid = request.route.gridId ? directory.grids.get(request.route.gridId) : undefined
  return grid ? { placeKind: 'grid', placeId: grid._id, placeLabel: grid.name } : null
}

async function requestsIn(communityId: string, from: number, to: number): Promise<StoredRequest[]> {
  const _ = database().command
  const found = await findMany(Collections.requests, { 'route.communityId': communityId, createdAt: _.gte(from).and(_.lt(to)) }, StoredRequest, {
    orderBy: ['createdAt', 'desc'],
    limit: REQUESTS_READ,
    // Clusters count and quote requests, never their timelines: thousands of them stay in the database.
    fields: { timeline: false },
  })
  if (found.length === REQUESTS_READ) console.warn(`[council.monthly] ${communityId}: ${REQUESTS_READ} requests read, the clusters may be cut`)
  return found
}

/**
 * 每月一题 (issue 8): the period's requests of a community grouped by category × place, the ones that
 * recur, most first, each with the same period before it for its trend and a few examples to read.
 */
export const monthlyClusters: ActionHandler<'council', 'monthlyClusters'> = async ({ communityId, period }, { actor, now }) => {
  const directory = await loadDirectory(now)
  if (!directory.communities.has(communityId)) return failure('NOT_FOUND', '没有找到这个社区')
  if (!mayLook(actor, directory, communityId)) return failure('FORBIDDEN', '只有本社区居委会能看每月一题')
  const length = period.to - period.from
  const [current, before] = await Promise.all([requestsIn(communityId, period.from, period.to), requestsIn(communityId, period.from - length, period.from)])
  const keyOf = (request: StoredRequest) => {
    const place = placeOf(request, directory)
    return place && { key: `${request.category}|${place.placeId}`, place }
  }
  const lastCounts = new Map<string, number>()
  for (const request of before) {
    const found = keyOf(request)
    if (found) lastCounts.set(found.key, (lastCounts.get(found.key) ?? 0) + 1)
  }
  const clusters = new Map<string, MonthlyCluster>()
  for (const request of current) {
    const found = keyOf(request)
    if (!found) continue
    const cluster = clusters.get(found.key) ?? { category: request.category, ...found.place, count: 0, lastMonth: lastCounts.get(found.key) ?? 0, examples: [], requestIds: [] }
    cluster.count++
    if (cluster.examples.length < 3) cluster.examples.push({ requestId: request._id, excerpt: excerpt(request.text) })
    if (cluster.requestIds.length < 50) cluster.requestIds.push(request._id)
    clusters.set(found.key, cluster)
  }
  return success([...clusters.values()].filter((c) => c.count >= RECURRING).sort((a, b) => b.count - a.count || b.count - b.lastMonth - (a.count - a.lastMonth)))
}

/**
 * The month's question turned into proactive work (主动治理) instead of a topic: one item filed by the
 * committee at the place the requests share, its words the committee's; the requests' filers are told
 * (issue 8: "linked to those requests; their filers are told"). Retried, it files once.
 */
export const adoptMonthlyQuestion: ActionHandler<'council', 'adoptMonthlyQuestion'> = async ({ communityId, requestIds, category, text }, ctx) => {
  const { actor, now } = ctx
  const directory = await loadDirectory(now)
  if (!mayLook(actor, directory, communityId)) return failure('FORBIDDEN', '只有本社区居委会能把每月一题转为主动治理')
  const linked = (await findByIds(Collections.requests, requestIds, StoredRequest, '_id', { timeline: false })).filter((r) => r.route.communityId === communityId)
  if (linked.length === 0) return failure('NOT_FOUND', '没有找到这些诉求')
  const key = idempotentId('monthly', communityId, [...requestIds].sort().join(',')).slice(0, 64)
  const filed = await fileRequest({ idempotencyKey: key, category, text, photos: [], place: linked[0].place, residentId: null, filedBy: { kind: 'proactive', staffId: actor.userId } }, ctx)
  if (!filed.ok) return filed
  const filers = [...new Set(linked.flatMap((r) => (r.residentId ? [r.residentId] : [])))]
  await deliver(filers.map((recipientId) => Message.parse({
    _id: `${filed.data._id}>monthly>${recipientId}`, recipientId, audience: 'resident', requestId: filed.data._id, page: `pages/request/index?id=${encodeURIComponent(linked.find((r) => r.residentId === recipientId)!._id)}`,
    action: 'file', kind: 'progress', title: '您反映的事已列入本月重点办理', body: excerpt(text), at: now,
  }))).catch((error: unknown) => console.error('[council.monthly] notices', error))
  return success({ requestId: filed.data._id })
}
