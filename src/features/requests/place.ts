import type { GeoPoint, HouseholdView, RouteTarget } from '@/types'
import { householdLine } from '@/services/labels'

/** Where the problem is: what routing and the duplicate check are given, and how the form names it. */
export type Place = { target: RouteTarget; label: string }

export const householdPlace = (household: HouseholdView): Place => ({ target: { householdId: household.householdId }, label: `我家：${householdLine(household)}` })

/** In words where known (the map picker says which grid and building); the coordinates only as a last resort. */
export const pointPlace = (point: GeoPoint, near?: string): Place => ({
  target: { point },
  label: near ? `地图上选的位置：${near}` : `地图上选的位置（${point.lng.toFixed(4)}, ${point.lat.toFixed(4)}）`,
})

/** One string per place: the key on which the route preview and the duplicate check reload. */
export const placeKey = (place: Place): string =>
  'householdId' in place.target ? place.target.householdId : `${place.target.point.lng},${place.target.point.lat}`
