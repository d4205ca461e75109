import { failure, User, type Failure } from '../../types'
import { mayBeCoHandler, type CoHandlerDirectory } from '../shared/core/request/request-policy'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { loadDirectory, type Directory } from '../shared/runtime/directory-cache'
import { findMany } from '../shared/runtime/documents'
import { preload, takePreloaded } from '../shared/runtime/invocation'
import { rememberNames } from '../shared/runtime/user-names'
import type { StoredRequest } from './request-store'

function whereTheyServe(directory: Directory): CoHandlerDirectory {
  const postsIn = new Map<string, string[]>()
  const name = (userId: string | undefined, communityId: string) => {
    if (userId) postsIn.set(userId, [...(postsIn.get(userId) ?? []), communityId])
  }
  for (const building of directory.buildings.values()) name(building.propertyContactId, building.communityId)
  for (const community of directory.communities.values()) for (const userId of Object.values(community.posts)) name(userId, community._id)
  return {
    streetOfCommunity: new Map([...directory.communities.values()].map((c) => [c._id, c.streetId])),
    communityOfGrid: new Map([...directory.grids.values()].map((g) => [g._id, g.communityId])),
    postsIn,
  }
}

const readUsers = (ids: string[]) => findMany(Collections.users, { _id: database().command.in(ids) }, User, { limit: ids.length })
const coHandlersKey = (ids: readonly string[]) => `${Collections.users}/coHandlers/${[...ids].sort().join(',')}`

/** The people a transfer or 吹哨 names, read beside the caller's record: who they are needs only the input. */
export function preloadCoHandlers(ids: readonly string[]): void {
  const wanted = [...new Set(ids)]
  if (wanted.length > 0) preload(coHandlersKey(wanted), () => readUsers(wanted))
}

/**
 * Transfer and 吹哨 bring people in as co-handlers, who then read the resident's contact: each must be
 * someone the directory knows (a typo would hand work to no one) and may take the work
 * (request-policy mayBeCoHandler); anyone else is refused before anything is written.
 */
export async function refuseCoHandlers(ids: readonly string[], request: StoredRequest, now: number): Promise<Failure | null> {
  const wanted = [...new Set(ids)]
  if (wanted.length === 0) return null
  const [found, directory] = await Promise.all([takePreloaded<User[]>(coHandlersKey(wanted)) ?? readUsers(wanted), loadDirectory(now)])
  // Their names, read here, are the ones the answer and the notices show.
  rememberNames(found, now)
  const missing = wanted.filter((id) => !found.some((user) => user._id === id))
  if (missing.length > 0) return failure('NOT_FOUND', `没有找到这些协办人：${missing.join('、')}`)
  const serving = whereTheyServe(directory)
  const refused = found.filter((user) => !mayBeCoHandler(user, request, serving))
  if (refused.length > 0) return failure('FORBIDDEN', `协办人只能是本街道的网格员、社区或街道工作人员，或物业等联系人：${refused.map((u) => u.name).join('、')}`)
  return null
}
