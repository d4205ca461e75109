import { Household, type HouseholdView } from '../../types'
import { householdOf, type Directory } from '../shared/runtime/directory-cache'

/** A household never moves (directory-cache householdOf): a warm instance reads it once. */
export async function findHouseholdView(directory: Directory, householdId: string, now?: number): Promise<HouseholdView | null> {
  const household = await householdOf(householdId, now)
  return household ? householdView(directory, household) : null
}

export function householdView(directory: Directory, household: Household): HouseholdView | null {
  const building = directory.buildings.get(household.buildingId)
  const community = building && directory.communities.get(building.communityId)
  const grid = building && directory.grids.get(building.gridId)
  if (!building || !community || !grid) return null
  return {
    householdId: household._id,
    communityId: community._id,
    communityName: community.name,
    estate: building.estate,
    buildingId: building._id,
    buildingName: building.name,
    room: household.room,
    gridId: grid._id,
    gridName: grid.name,
  }
}
