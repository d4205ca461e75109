import type { ActionOutput } from '../../../types/contract'
import type { GeoPoint, Ring } from '../../../types/geo.schema'

/**
 * The offline map as a drawing: the community's geometry projected onto a viewBox VIEW_WIDTH units
 * wide, and a tap on the drawing back to GCJ-02 lng/lat. Pure (no Taro, no DOM), so both builds draw
 * the same picture and the conversion is unit-tested.
 *
 * Equirectangular with the longitude squeezed by cos(latitude): over a community (a few km) it is
 * within a fraction of a metre of the true shape, and it inverts exactly.
 */
export type CommunityMap = ActionOutput<'directory', 'communityMap'>

export const VIEW_WIDTH = 1000
/** Room around the outermost grid so a tap just outside it, and the labels at the edge, still fit. */
const MARGIN = 0.06
const METRES_PER_DEGREE = 111_320

export type Projection = { minLng: number; maxLat: number; lngScale: number; latScale: number; width: number; height: number }
export type ViewPoint = { x: number; y: number }

export function projectionOf(map: CommunityMap): Projection {
  const points: GeoPoint[] = [
    ...map.grids.flatMap((grid) => grid.boundary.flatMap((ring) => ring.map(([lng, lat]) => ({ lng, lat })))),
    ...map.buildings.map((b) => b.location),
  ]
  const lngs = points.map((p) => p.lng)
  const lats = points.map((p) => p.lat)
  const [west, east, south, north] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)]
  const squeeze = Math.cos((((south + north) / 2) * Math.PI) / 180)
  // A community of one building has no extent: give it ~200 m either way.
  const spanLng = Math.max(east - west, 0.002) * (1 + 2 * MARGIN)
  const spanLat = Math.max(north - south, 0.002) * (1 + 2 * MARGIN)
  const minLng = (west + east) / 2 - spanLng / 2
  const maxLat = (south + north) / 2 + spanLat / 2
  const lngScale = VIEW_WIDTH / spanLng
  const latScale = lngScale / squeeze
  return { minLng, maxLat, lngScale, latScale, width: VIEW_WIDTH, height: Math.round(spanLat * latScale) }
}

export const project = (view: Projection, p: GeoPoint): ViewPoint => ({ x: (p.lng - view.minLng) * view.lngScale, y: (view.maxLat - p.lat) * view.latScale })

export const unproject = (view: Projection, v: ViewPoint): GeoPoint => ({ lng: view.minLng + v.x / view.lngScale, lat: view.maxLat - v.y / view.latScale })

/** Where on the drawing a tap landed: the drawing is shown `rect` big on screen, at `rect`'s place. */
export function tapToPoint(view: Projection, tap: { clientX: number; clientY: number }, rect: { left: number; top: number; width: number; height: number }): GeoPoint {
  return unproject(view, { x: ((tap.clientX - rect.left) / rect.width) * view.width, y: ((tap.clientY - rect.top) / rect.height) * view.height })
}

const ringPath = (view: Projection, ring: Ring) =>
  ring.map(([lng, lat], i) => {
    const { x, y } = project(view, { lng, lat })
    return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`
  }).join(' ') + ' Z'

export type Scene = {
  view: Projection
  grids: { id: string; name: string; path: string; labelAt: ViewPoint }[]
  buildings: { id: string; label: string; at: ViewPoint; home: boolean }[]
}

export function sceneOf(map: CommunityMap): Scene {
  const view = projectionOf(map)
  return {
    view,
    grids: map.grids.map((grid) => {
      const outer = grid.boundary[0]
      const centre = outer.reduce((sum, [lng, lat]) => ({ lng: sum.lng + lng / outer.length, lat: sum.lat + lat / outer.length }), { lng: 0, lat: 0 })
      return { id: grid.id, name: grid.name, path: grid.boundary.map((ring) => ringPath(view, ring)).join(' '), labelAt: project(view, centre) }
    }),
    buildings: map.buildings.map((b) => ({ id: b.id, label: b.name, at: project(view, b.location), home: b.id === map.homeBuildingId })),
  }
}

/** Metres between two nearby points (equirectangular: exact enough across a community). */
export function metresBetween(a: GeoPoint, b: GeoPoint): number {
  const dx = (a.lng - b.lng) * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180)
  return Math.hypot(dx, a.lat - b.lat) * METRES_PER_DEGREE
}

function insideRing(ring: Ring, p: GeoPoint): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > p.lat !== yj > p.lat && p.lng < ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

export type PointInMap = { gridName: string | null; nearest: { name: string; metres: number } | null }

/**
 * Which grid a chosen point falls in and its nearest building, to tell the resident in words. Only a
 * description: routing (the server) decides where the request goes, and the form shows that too.
 */
export function describePoint(map: CommunityMap, p: GeoPoint): PointInMap {
  const grid = map.grids.find((g) => insideRing(g.boundary[0], p) && !g.boundary.slice(1).some((hole) => insideRing(hole, p)))
  const nearest = map.buildings
    .map((b) => ({ name: `${b.estate}${b.name}`, metres: metresBetween(p, b.location) }))
    .reduce<PointInMap['nearest']>((best, b) => (!best || b.metres < best.metres ? b : best), null)
  return { gridName: grid?.name ?? null, nearest }
}

export function pointLine(map: CommunityMap, p: GeoPoint): string {
  const { gridName, nearest } = describePoint(map, p)
  const where = gridName ? `在${map.communityName}${gridName}` : `不在${map.communityName}的网格里`
  return nearest ? `${where}，离${nearest.name}约${Math.round(nearest.metres)}米` : where
}
