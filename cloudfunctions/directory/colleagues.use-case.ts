import { failure, success, User } from '../../types'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { loadDirectory, type Directory } from '../shared/runtime/directory-cache'
import { findMany } from '../shared/runtime/documents'
import type { ActionHandler } from '../shared/runtime/function-entry'

type Post = 'gridWorker' | 'committee' | 'streetAdmin' | 'propertyContact' | 'elderlyServices'
const postOrder: Post[] = ['gridWorker', 'propertyContact', 'elderlyServices', 'committee', 'streetAdmin']

export const listColleagues: ActionHandler<'directory', 'listColleagues'> = async (input, { actor, now }) => {
  if (actor.gridIds.length + actor.communityIds.length + actor.streetIds.length === 0) return failure('FORBIDDEN')
  const directory = await loadDirectory(now)
  const community = directory.communities.get(input.communityId)
  if (!community) return failure('NOT_FOUND', '没有找到这个社区')
  const posts = postsByUser(directory, community._id)
  const _ = database().command
  const staff = await findMany(
    Collections.users,
    _.or([
      { 'staff.gridWorker': _.exists(true) },
      { 'staff.committee': _.exists(true) },
      { 'staff.streetAdmin': _.exists(true) },
      { _id: _.in([...posts.keys()]) },
    ]),
    User,
  )
  const colleagues = staff
    .filter((user) => user._id !== actor.userId && inStreet(directory, user, community.streetId))
    .map((user) => {
      const post = posts.get(user._id) ?? staffPost(user)
      return { id: user._id, name: user.name, post, sameCommunity: posts.has(user._id) || servesCommunity(directory, user, community._id) }
    })
  colleagues.sort((a, b) => Number(b.sameCommunity) - Number(a.sameCommunity) || postOrder.indexOf(a.post) - postOrder.indexOf(b.post))
  return success(colleagues)
}

/** Property contacts and community posts are people, not staff roles: the directory names them. */
function postsByUser(directory: Directory, communityId: string): Map<string, Post> {
  const posts = new Map<string, Post>()
  for (const building of directory.buildings.values()) {
    if (building.communityId === communityId && building.propertyContactId) posts.set(building.propertyContactId, 'propertyContact')
  }
  const elderly = directory.communities.get(communityId)?.posts.elderlyServices
  if (elderly) posts.set(elderly, 'elderlyServices')
  return posts
}

function staffPost(user: User): Post {
  if (user.staff.gridWorker) return 'gridWorker'
  if (user.staff.committee) return 'committee'
  return 'streetAdmin'
}

function servesCommunity(directory: Directory, user: User, communityId: string): boolean {
  return (
    (user.staff.committee?.communityIds.includes(communityId) ?? false) ||
    (user.staff.gridWorker?.gridIds.some((gridId) => directory.grids.get(gridId)?.communityId === communityId) ?? false)
  )
}

function inStreet(directory: Directory, user: User, streetId: string): boolean {
  if (user.staff.streetAdmin) return user.staff.streetAdmin.streetIds.includes(streetId)
  const communityIds = [
    ...(user.staff.committee?.communityIds ?? []),
    ...(user.staff.gridWorker?.gridIds.map((gridId) => directory.grids.get(gridId)?.communityId ?? '') ?? []),
  ]
  return communityIds.length === 0 || communityIds.some((id) => directory.communities.get(id)?.streetId === streetId)
}

