import type { RouteDecision, RouteTarget } from '../../../../types'

/** The home a named resident's approved binding gives them (users.householdId), where it lies. */
export type BoundHome = { householdId: string; gridId: string; communityId: string }

/**
 * 代办 may name the resident's own account so that they follow and rate the item; the account then
 * reads the item's phone and room in full. So the account must be the household's own: bound (an
 * approved binding) to the household the item is filed at. Filed at a point (a street light, a
 * path), it must be bound to a household of the grid the point routes to (of the community, for an
 * item outside every grid): a neighbour of the place, not anyone with the app. And never the staff
 * member filing it: they would rate their own work (issue 10, findings 1 and 2).
 * Answers why not, in words for the staff member, or null when the account may be named.
 */
export function namedResidentRefusal(
  filerId: string,
  named: { userId: string; home: BoundHome | null },
  place: RouteTarget,
  route: Pick<RouteDecision, 'gridId' | 'communityId'>,
): string | null {
  if (named.userId === filerId) return '代办不能把您自己写成居民：请填写居民本人的账号，或不填账号'
  const { home } = named
  if ('householdId' in place) {
    return home?.householdId === place.householdId ? null : '这个账号没有绑定这一户，不能关联到这件诉求：请不填账号，或选这位居民绑定的那一户'
  }
  const nearby = home !== null && (route.gridId === null ? home.communityId === route.communityId : home.gridId === route.gridId)
  return nearby ? null : '这个账号没有绑定这个网格里的住户，不能关联到这件诉求：请不填账号，或在居民家里登记'
}
