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

/** A grid's name is drawn this many viewBox units per character wide (its font size, 44, plus air). */
const LABEL_UNITS_PER_CHAR = 46

/**
 * Where a grid's name goes: of a lattice of spots inside the grid, where the whole name fits, the one
 * farthest from every building dot and its label, so the name never sits on a building (the demo seed
 * puts one at each grid's centre).
 */
function gridLabelSpot(view: Projection, grid: CommunityMap['grids'][number], buildingSpots: ViewPoint[]): ViewPoint {
  const outer = grid.boundary[0]
  const ground = (v: ViewPoint) => unproject(view, v)
  const drawn = outer.map(([lng, lat]) => project(view, { lng, lat }))
  const xs = drawn.map((v) => v.x)
  const ys = drawn.map((v) => v.y)
  const half = (grid.name.length * LABEL_UNITS_PER_CHAR) / 2
  let best: { at: ViewPoint; room: number } | null = null
  for (let i = 1; i < 12; i++) {
    for (let j = 1; j < 12; j++) {
      const at = { x: Math.min(...xs) + ((Math.max(...xs) - Math.min(...xs)) * i) / 12, y: Math.min(...ys) + ((Math.max(...ys) - Math.min(...ys)) * j) / 12 }
      const fits = [-half, 0, half].every((dx) => [-36, 8].every((dy) => insideRing(outer, ground({ x: at.x + dx, y: at.y + dy }))))
      if (!fits) continue
      // Distance to the nearest building, measured from the name's ends and middle.
      const room = Math.min(...buildingSpots.map((b) => Math.min(...[-half, 0, half].map((dx) => Math.hypot(at.x + dx - b.x, (at.y - 14 - b.y) * 2)))))
      if (!best || room > best.room) best = { at, room }
    }
  }
  return best?.at ?? project(view, ground({ x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 }))
}

export function sceneOf(map: CommunityMap): Scene {
  const view = projectionOf(map)
  const buildings = map.buildings.map((b) => ({ id: b.id, label: b.name, at: project(view, b.location), home: b.id === map.homeBuildingId }))
  // A building's dot and the label above it, as spots a grid's name keeps clear of.
  const buildingSpots = buildings.flatMap((b) => [b.at, { x: b.at.x, y: b.at.y - 32 }])
  return {
    view,
    grids: map.grids.map((grid) => ({
      id: grid.id,
      name: grid.name,
      path: grid.boundary.map((ring) => ringPath(view, ring)).join(' '),
      labelAt: gridLabelSpot(view, grid, buildingSpots),
    })),
    buildings,
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
