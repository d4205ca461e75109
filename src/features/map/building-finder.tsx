import { SearchableChoiceList } from '@/components/searchable-choice-list'
import type { GeoPoint } from '@/types'
import type { CommunityMap } from './map-scene'

/** The way to a place without a map: pick the building it is at or beside; its own point stands for it. */
export function BuildingFinder({ map, onPick }: { map: CommunityMap; onPick: (point: GeoPoint, near: string) => void }) {
  const gridName = new Map(map.grids.map((g) => [g.id, g.name]))
  const choices = map.buildings.map((b) => ({ id: b.id, title: `${b.estate} ${b.name}`, note: gridName.get(b.gridId) }))
  return (
    <SearchableChoiceList
      label="找楼栋"
      choices={choices}
      onPick={(choice) => {
        const building = map.buildings.find((b) => b.id === choice.id)
        if (building) onPick(building.location, `${map.communityName}${building.estate}${building.name}旁`)
      }}
    />
  )
}
