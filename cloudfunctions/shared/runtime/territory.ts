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

type At = { gridId: string | null; communityId: string | null; streetId: string }
const byId = (a: { _id: string }, b: { _id: string }) => a._id.localeCompare(b._id, undefined, { numeric: true })

/**
 * The communities and grids a scope holds, each once, in id order (2 before 10): a dashboard lists
 * every one of them, with zeros where nothing happened. A grid's scope holds that grid and no community.
 */
export function unitsOf(directory: Directory, at: At) {
  const inStreet = (communityId: string) => directory.communities.get(communityId)?.streetId === at.streetId
  const communities = at.gridId
    ? []
    : [...directory.communities.values()].filter((c) => (at.communityId ? c._id === at.communityId : c.streetId === at.streetId)).sort(byId)
  const grids = [...directory.grids.values()]
    .filter((g) => (at.gridId ? g._id === at.gridId : at.communityId ? g.communityId === at.communityId : inStreet(g.communityId)))
    .sort(byId)
  return { communities, grids }
}
