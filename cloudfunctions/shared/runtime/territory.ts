import type { Directory } from './directory-cache'

export type Scope = { gridId: string } | { communityId: string } | { streetId: string }

/** The territory a scope names, each level above it filled in, and the query that selects its items. */
export function territory(directory: Directory, scope: Scope) {
  if ('gridId' in scope) {
    const grid = directory.grids.get(scope.gridId)
    const community = grid && directory.communities.get(grid.communityId)
    return community && { at: { gridId: scope.gridId, communityId: community._id, streetId: community.streetId }, where: { 'route.gridId': scope.gridId } }
  }
  if ('communityId' in scope) {
    const community = directory.communities.get(scope.communityId)
    return community && { at: { gridId: null, communityId: community._id, streetId: community.streetId }, where: { 'route.communityId': community._id } }
  }
  return directory.streets.has(scope.streetId) ? { at: { gridId: null, communityId: null, streetId: scope.streetId }, where: { streetId: scope.streetId } } : undefined
}
