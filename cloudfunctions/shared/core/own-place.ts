import type { RouteTarget } from '../../../types/route.schema'
import type { Actor } from './actor'

/**
 * Where a resident may ask for help for themself (a request, a wish): their own bound household, or a
 * point on the map. Another household's door is not theirs to name: its room would become their
 * contact detail.
 */
export function isOwnPlace(place: RouteTarget, actor: Pick<Actor, 'user'>): boolean {
  return !('householdId' in place) || place.householdId === actor.user?.householdId
}
