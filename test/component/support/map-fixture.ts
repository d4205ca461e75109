import type { CommunityMap } from '../../../src/features/map/map-scene'
import { buildings } from '../../../local/seed/demo-buildings'
import { gridBoundaries } from '../../../local/seed/demo-geometry'

const gridNames: Record<string, string> = { 'grid-kangle-1': '康乐一网格', 'grid-kangle-2': '康乐二网格', 'grid-kangle-3': '康乐三网格', 'grid-kangle-4': '康乐四网格' }

/** 康乐社区 as directory.communityMap answers it, from the demo seed's own geometry. */
export function kangleMap(homeBuildingId: string | null = null): CommunityMap {
  return {
    communityId: 'comm-kangle',
    communityName: '康乐社区',
    communities: [{ id: 'comm-kangle', name: '康乐社区' }, { id: 'comm-cuihu', name: '翠湖社区' }, { id: 'comm-zhangjia', name: '张家村' }],
    grids: Object.entries(gridNames).map(([id, name]) => ({ id, name, boundary: gridBoundaries[id] })),
    buildings: buildings.filter((b) => b.communityId === 'comm-kangle').map((b) => ({ id: b._id, name: b.name, estate: b.estate, gridId: b.gridId, location: b.location })),
    homeBuildingId,
  }
}

