import type { GeoPoint, Polygon } from '../../../../types/geo.schema'

/**
 * A point within this many degrees (≈0.1 mm) of an edge is ON it. wx.getLocation is metres-accurate at
 * best, so the tolerance only absorbs float rounding, e.g. a midpoint computed from two vertices.
 */
export const EDGE_EPSILON_DEG = 1e-9

/** Rings packed into one typed array: the index tests millions of points without chasing tuples. */
export type FlatPolygon = { coords: Float64Array; ringEnds: Int32Array }

export function flattenPolygon(polygon: Polygon): FlatPolygon {
  const total = polygon.reduce((n, ring) => n + ring.length * 2, 0)
  const coords = new Float64Array(total)
  const ringEnds = new Int32Array(polygon.length)
  let k = 0
  polygon.forEach((ring, r) => {
    for (const [lng, lat] of ring) {
      coords[k++] = lng
      coords[k++] = lat
    }
    ringEnds[r] = k
  })
  return { coords, ringEnds }
}

const OUT = 0
const IN = 1
const EDGE = 2

/** Ray casting (crossing number) over one ring of flat [x0, y0, x1, y1, …] coordinates. */
function ringSide(c: Float64Array, start: number, end: number, x: number, y: number): number {
  let inside = false
  for (let i = start, j = end - 2; i < end; j = i, i += 2) {
    const xi = c[i], yi = c[i + 1], xj = c[j], yj = c[j + 1]
    const yLo = yi < yj ? yi : yj
    const yHi = yi < yj ? yj : yi
    if (y < yLo - EDGE_EPSILON_DEG || y > yHi + EDGE_EPSILON_DEG) continue
    const dx = xj - xi, dy = yj - yi
    const xLo = xi < xj ? xi : xj
    const xHi = xi < xj ? xj : xi
    if (x >= xLo - EDGE_EPSILON_DEG && x <= xHi + EDGE_EPSILON_DEG) {
      const cross = dx * (y - yi) - dy * (x - xi)
      if (Math.abs(cross) <= EDGE_EPSILON_DEG * Math.sqrt(dx * dx + dy * dy)) return EDGE
    }
    if (yi > y !== yj > y && x < (dx * (y - yi)) / dy + xi) inside = !inside
  }
  return inside ? IN : OUT
}

/**
 * Points on an edge or vertex count as INSIDE, for outer rings and holes alike: a point on a boundary
 * two grids share then lies in both, and the overlap tie-break (smaller grid) decides, rather than the
 * floating-point side of a line. A point on a hole's edge is on the grid's boundary, so it is inside.
 */
export function pointInFlatPolygon(p: FlatPolygon, x: number, y: number): boolean {
  const { coords, ringEnds } = p
  const outer = ringSide(coords, 0, ringEnds[0], x, y)
  if (outer !== IN) return outer === EDGE
  for (let r = 1; r < ringEnds.length; r++) {
    if (ringSide(coords, ringEnds[r - 1], ringEnds[r], x, y) === IN) return false
  }
  return true
}

export function pointInPolygon(point: GeoPoint, polygon: Polygon): boolean {
  return pointInFlatPolygon(flattenPolygon(polygon), point.lng, point.lat)
}

export type BBox = { minLng: number; minLat: number; maxLng: number; maxLat: number }

export function boundingBox(polygon: Polygon): BBox {
  const box = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity }
  for (const [lng, lat] of polygon[0]) {
    box.minLng = Math.min(box.minLng, lng)
    box.maxLng = Math.max(box.maxLng, lng)
    box.minLat = Math.min(box.minLat, lat)
    box.maxLat = Math.max(box.maxLat, lat)
  }
  return box
}

const EARTH_RADIUS_M = 6_371_008.8
const RAD = Math.PI / 180

/** Metres per degree of longitude and of latitude around a latitude (equirectangular projection). */
const metresPerDegree = (lat: number): [number, number] => [EARTH_RADIUS_M * RAD * Math.cos(lat * RAD), EARTH_RADIUS_M * RAD]

/** Planar (shoelace) area in m², the outer ring minus its holes, projected at the polygon's latitude. */
export function polygonAreaM2(polygon: Polygon): number {
  const [lng0, lat0] = polygon[0][0]
  const [kx, ky] = metresPerDegree(lat0)
  // Offsets from the first vertex keep the products small: absolute degrees × metres lose precision.
  const x = (v: Polygon[number][number]) => (v[0] - lng0) * kx
  const y = (v: Polygon[number][number]) => (v[1] - lat0) * ky
  const ringArea = (ring: Polygon[number]): number => {
    let twice = 0
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) twice += x(ring[j]) * y(ring[i]) - x(ring[i]) * y(ring[j])
    return Math.abs(twice) / 2
  }
  return polygon.reduce((area, ring, r) => (r === 0 ? area + ringArea(ring) : area - ringArea(ring)), 0)
}

/** Great-circle (haversine) distance in metres; GCJ-02's offset is uniform at city scale. */
export function distanceM(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * RAD
  const dLng = (b.lng - a.lng) * RAD
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * Distance in metres from a point to the nearest edge of any ring of the polygon (0 on an edge).
 * Equirectangular around the point: under 0.1% error within the few kilometres routing looks at.
 */
export function distanceToPolygonEdgeM(point: GeoPoint, polygon: Polygon): number {
  const [kx, ky] = metresPerDegree(point.lat)
  let best = Infinity
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const ax = (ring[j][0] - point.lng) * kx, ay = (ring[j][1] - point.lat) * ky
      const bx = (ring[i][0] - point.lng) * kx, by = (ring[i][1] - point.lat) * ky
      const dx = bx - ax, dy = by - ay
      const len2 = dx * dx + dy * dy
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2))
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy))
    }
  }
  return best
}

/**
 * Distance in metres from a point to its bounding box, in the same projection as
 * distanceToPolygonEdgeM, so it is a true lower bound of the distance to the polygon's edges.
 */
export function distanceToBBoxM(point: GeoPoint, box: BBox): number {
  const [kx, ky] = metresPerDegree(point.lat)
  const dLng = Math.max(box.minLng - point.lng, 0, point.lng - box.maxLng)
  const dLat = Math.max(box.minLat - point.lat, 0, point.lat - box.maxLat)
  return Math.hypot(dLng * kx, dLat * ky)
}
