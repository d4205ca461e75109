import { fireEvent, screen } from '@testing-library/react'
import { project, projectionOf, type CommunityMap } from '@/features/map/map-scene'
import type { GeoPoint } from '@/types'
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

/**
 * Taps the drawing where `point` is drawn. jsdom lays nothing out, so the drawing is given the size
 * of its viewBox at the top left of the screen: a tap's client coordinates are then viewBox units.
 */
export async function tapMapAt(map: CommunityMap, point: GeoPoint): Promise<void> {
  const view = projectionOf(map)
  const drawing = (await screen.findByRole('img', { name: /的地图/ })) as unknown as SVGSVGElement
  drawing.getBoundingClientRect = () => ({ left: 0, top: 0, width: view.width, height: view.height, x: 0, y: 0, right: view.width, bottom: view.height, toJSON: () => ({}) })
  const at = project(view, point)
  fireEvent.click(drawing, { clientX: at.x, clientY: at.y })
}

/** Within a few metres: a mouse event's client coordinates are whole pixels (one viewBox unit ≈ 2 m here). */
export const expectNear = (actual: unknown, point: GeoPoint) => {
  const p = actual as GeoPoint
  expect(p.lng).toBeCloseTo(point.lng, 4)
  expect(p.lat).toBeCloseTo(point.lat, 4)
}
