import type { Branch } from '../../../../types/directory.schema'
import type { RouteDecision } from '../../../../types/route.schema'
import type { WishRoute } from '../../../../types/wish.schema'

/**
 * Issue 7 Route: household or point → grid → the grid's party branch, with the building's party group
 * and a 党员中心户 under it where there is one; `rule` names the most local of them. A point outside
 * every grid goes to the community's 大党委 (routing's branch for it), `communityOnly`.
 */
export function wishRouteOf(route: RouteDecision, branches: Iterable<Branch>): WishRoute {
  const { communityId, gridId, buildingId, branchId, partyGroupId, locateRule } = route
  const centre = partyGroupId === null ? undefined
    : [...branches].filter((b) => b.level === 'household' && b.parentId === partyGroupId).sort((a, b) => a._id.localeCompare(b._id))[0]
  const centreHouseholdId = centre?._id ?? null
  const rule = gridId === null ? 'communityOnly' : centreHouseholdId ? 'centreHousehold' : partyGroupId ? 'partyGroup' : 'gridBranch'
  return { communityId, gridId, buildingId, branchId, partyGroupId, centreHouseholdId, locateRule, rule }
}
