import type { HouseholdView, TopicScope } from '@/types'

export type ScopeChoice = 'community' | 'grid' | 'building'

/** The places a resident may propose for: their own community (the default), grid or building. */
export function scopeOptions(household: HouseholdView): { id: ScopeChoice; title: string }[] {
  return [
    { id: 'community', title: `整个社区（${household.communityName}）` },
    { id: 'grid', title: `我家所在的网格（${household.gridName}）` },
    { id: 'building', title: `我家这栋楼（${household.estate} ${household.buildingName}）` },
  ]
}

export function scopeOf(choice: ScopeChoice, household: HouseholdView): TopicScope {
  switch (choice) {
    case 'community':
      return { kind: 'community', communityIds: [household.communityId] }
    case 'grid':
      return { kind: 'grids', gridIds: [household.gridId] }
    case 'building':
      return { kind: 'buildings', buildingIds: [household.buildingId] }
  }
}
