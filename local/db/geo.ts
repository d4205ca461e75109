import type { IndexSpec } from '../../cloudfunctions/shared/runtime/collections'
import type { Doc } from './ejson'
import { dbErrors } from './errors'
import { valuesAt } from './paths'

/**
 * Geo queries over GeoJSON Points, as CloudBase answers them (WeChat 云开发 guide, 地理位置: geoNear,
 * geoWithin, geoIntersects; "要使用地理位置查询功能时，必须建立地理位置索引", the 2dsphere index), with
 * MongoDB's semantics where that guide is silent: distances in metres on a sphere of MongoDB's radius
 * (6378.1 km, the radius $centerSphere's radians are taken on), `$nearSphere` results nearest first.
 * The SDK sends `_.geoNear` as `$nearSphere: { $geometry, $maxDistance, $minDistance }`, `_.geoWithin`
 * as `$geoWithin: { $geometry | $centerSphere }` and `aggregate().geoNear()` as the `$geoNear` stage
 * (@cloudbase/database serializer/query.js, aggregate.js). Only Points are stored by this project
 * (types/geo.schema.ts); a query shape beyond those refuses loudly rather than answer wrongly.
 */
export const EARTH_RADIUS_M = 6_378_100

export type LngLat = [number, number]

/** A GeoJSON Point's coordinates, or a legacy [lng, lat] pair; null for anything else. */
export function pointOf(value: unknown): LngLat | null {
  const pair = Array.isArray(value) ? value : (value as { type?: unknown; coordinates?: unknown } | null)?.type === 'Point' ? (value as { coordinates: unknown }).coordinates : null
  if (!Array.isArray(pair) || pair.length !== 2) return null
  const [lng, lat] = pair as unknown[]
  return typeof lng === 'number' && typeof lat === 'number' && Math.abs(lng) <= 180 && Math.abs(lat) <= 90 ? [lng, lat] : null
}

const radians = (degrees: number) => (degrees * Math.PI) / 180

/** The great-circle distance in metres (haversine). */
export function distanceM([lng1, lat1]: LngLat, [lng2, lat2]: LngLat): number {
  const h = Math.sin(radians(lat2 - lat1) / 2) ** 2 + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(radians(lng2 - lng1) / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

// Edges as straight lines in lng/lat: MongoDB's 2dsphere takes them as geodesics, which differ by
// centimetres over a community's few hundred metres — far below what a map pin means.
function inRing([x, y]: LngLat, ring: LngLat[]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

function rings(value: unknown, what: string): LngLat[][] {
  if (!Array.isArray(value) || value.length === 0) throw dbErrors.requestFailed(`${what}: a Polygon needs its rings`)
  return value.map((ring) => {
    const points = Array.isArray(ring) ? ring.map(pointOf) : []
    if (points.length < 4 || points.some((p) => p === null)) throw dbErrors.requestFailed(`${what}: a Polygon ring needs at least four [lng, lat] positions`)
    return points as LngLat[]
  })
}

const inPolygon = (point: LngLat, polygon: LngLat[][]) => inRing(point, polygon[0]) && !polygon.slice(1).some((hole) => inRing(point, hole))

/** Whether a stored point lies in a GeoJSON Polygon or MultiPolygon (its boundary counted as either). */
function withinGeometry(geometry: unknown, what: string): (point: LngLat) => boolean {
  const { type, coordinates } = (geometry ?? {}) as { type?: unknown; coordinates?: unknown }
  if (type === 'Polygon') {
    const polygon = rings(coordinates, what)
    return (point) => inPolygon(point, polygon)
  }
  if (type === 'MultiPolygon' && Array.isArray(coordinates)) {
    const polygons = coordinates.map((polygon) => rings(polygon, what))
    return (point) => polygons.some((polygon) => inPolygon(point, polygon))
  }
  throw dbErrors.requestFailed(`${what}: the local CloudBase answers Polygon and MultiPolygon only, not ${String(type)}`)
}

/** `$geoWithin` as a mingo query operator: `$geometry` (Polygon, MultiPolygon) or `$centerSphere: [[lng, lat], radians]`. */
function geoWithin(spec: unknown): (point: LngLat) => boolean {
  const { $geometry, $centerSphere } = (spec ?? {}) as { $geometry?: unknown; $centerSphere?: unknown }
  if ($geometry !== undefined) return withinGeometry($geometry, '$geoWithin')
  if (Array.isArray($centerSphere) && $centerSphere.length === 2) {
    const centre = pointOf($centerSphere[0])
    const radius = $centerSphere[1]
    if (centre && typeof radius === 'number' && radius >= 0) return (point) => distanceM(centre, point) <= radius * EARTH_RADIUS_M
  }
  throw dbErrors.requestFailed('$geoWithin needs $geometry or $centerSphere: [[lng, lat], radians]; $box, $center and $polygon (flat 2d) are not served')
}

/** `$geoIntersects` of a stored Point: with a Point, equal; with a Polygon or MultiPolygon, within it. */
function geoIntersects(spec: unknown): (point: LngLat) => boolean {
  const geometry = (spec as { $geometry?: unknown } | null)?.$geometry
  const other = pointOf(geometry)
  if (other) return (point) => point[0] === other[0] && point[1] === other[1]
  return withinGeometry(geometry, '$geoIntersects')
}

/** The 2dsphere-indexed fields of a collection (deploy declares them with direction '2dsphere'). */
export function geoFields(indexes: readonly IndexSpec[]): string[] {
  return indexes.flatMap((index) => Object.entries(index.keys).filter(([, direction]) => direction === '2dsphere').map(([field]) => field))
}

function requireGeoIndex(indexes: readonly IndexSpec[], field: string, operator: string): void {
  if (!geoFields(indexes).includes(field)) {
    // MongoDB's planner: "unable to find index for $geoNear query" (seen through CloudBase, errCode -502001).
    throw dbErrors.requestFailed(`error processing query: ${operator} on ${field}: unable to find index for $geoNear query — declare a 2dsphere index on ${field}`)
  }
}

const points = (doc: unknown, field: string): LngLat[] => {
  const value = valuesAt(doc, field)
  const single = pointOf(value)
  if (single) return [single]
  return Array.isArray(value) ? value.map(pointOf).filter((p): p is LngLat => p !== null) : []
}

type QueryOperator = (selector: string, value: unknown) => (doc: Doc) => boolean

/**
 * The geo query operators for one collection. `$near`/`$nearSphere` are taken out of the query before
 * mingo sees it (see takeNear); met anywhere else — inside $or, in count, update, remove or $match —
 * they fail as MongoDB fails them.
 */
export function geoQueryOperators(indexes: readonly IndexSpec[]): Record<string, QueryOperator> {
  const notHere = (name: string): QueryOperator => () => {
    throw dbErrors.requestFailed(`$geoNear, $near, and $nearSphere are not allowed in this context (${name})`)
  }
  return {
    $geoWithin: (field, spec) => {
      requireGeoIndex(indexes, field, '$geoWithin')
      const test = geoWithin(spec)
      return (doc) => points(doc, field).some(test)
    },
    $geoIntersects: (field, spec) => {
      requireGeoIndex(indexes, field, '$geoIntersects')
      const test = geoIntersects(spec)
      return (doc) => points(doc, field).some(test)
    },
    $near: notHere('$near'),
    $nearSphere: notHere('$nearSphere'),
  }
}

export type Near = { field: string; point: LngLat; min: number; max: number }

function nearSpec(field: string, value: unknown, indexes: readonly IndexSpec[]): Near | null {
  if (value === null || typeof value !== 'object') return null
  const operator = '$nearSphere' in value ? '$nearSphere' : '$near' in value ? '$near' : null
  if (!operator) return null
  if (Object.keys(value).length > 1) throw dbErrors.requestFailed(`${operator} cannot be combined with other operators on ${field}`)
  const spec = (value as Record<string, { $geometry?: unknown; $maxDistance?: unknown; $minDistance?: unknown }>)[operator]
  const point = pointOf(spec?.$geometry)
  if (!point) throw dbErrors.requestFailed(`${operator} needs $geometry: a GeoJSON Point`)
  requireGeoIndex(indexes, field, operator)
  const distance = (given: unknown, fallback: number, name: string) => {
    if (given === undefined || given === null) return fallback
    if (typeof given !== 'number' || given < 0) throw dbErrors.requestFailed(`${operator}: ${name} must be a non-negative number of metres`)
    return given
  }
  return { field, point, min: distance(spec.$minDistance, 0, '$minDistance'), max: distance(spec.$maxDistance, Infinity, '$maxDistance') }
}

/**
 * Splits a query into its one `$near`/`$nearSphere` condition (top level, or a top-level $and's) and
 * the rest. MongoDB allows one near per query, and none under $or/$nor.
 */
export function takeNear(criteria: Doc, indexes: readonly IndexSpec[]): { near: Near | null; rest: Doc } {
  const found: Near[] = []
  const strip = (query: Doc): Doc =>
    Object.fromEntries(
      Object.entries(query).flatMap(([key, value]): Array<[string, unknown]> => {
        if (key === '$and' && Array.isArray(value)) return [[key, value.map((part) => strip(part as Doc))]]
        const near = key.startsWith('$') ? null : nearSpec(key, value, indexes)
        if (!near) return [[key, value]]
        found.push(near)
        return []
      }),
    )
  const rest = strip(criteria)
  if (found.length > 1) throw dbErrors.requestFailed('Too many geoNear expressions: one $near or $nearSphere a query')
  return { near: found[0] ?? null, rest }
}

/** The documents within the near's ring, each with its distance, nearest first (ties in natural order). */
export function byDistance<T extends Doc>(docs: T[], near: Near): Array<{ doc: T; distance: number; location: LngLat }> {
  return docs
    .flatMap((doc) => {
      const measured = points(doc, near.field).map((location) => ({ location, distance: distanceM(near.point, location) }))
      if (measured.length === 0) return []
      const nearest = measured.reduce((a, b) => (b.distance < a.distance ? b : a))
      return nearest.distance >= near.min && nearest.distance <= near.max ? [{ doc, ...nearest }] : []
    })
    .sort((a, b) => a.distance - b.distance)
}

/**
 * The `$geoNear` stage's options resolved (MongoDB manual, $geoNear): `near` a GeoJSON Point,
 * `distanceField` required, `key` the indexed field (needed only when several are indexed),
 * `maxDistance`/`minDistance` in metres, `query` a filter, `includeLocs`, `distanceMultiplier`.
 */
export function geoNearStage(options: unknown, indexes: readonly IndexSpec[]): Near & { query: Doc; distanceField: string; includeLocs?: string; multiplier: number } {
  const spec = (options ?? {}) as Record<string, unknown>
  const point = pointOf(spec.near)
  if (!point) throw dbErrors.requestFailed('$geoNear requires near: a GeoJSON Point')
  if (typeof spec.distanceField !== 'string' || spec.distanceField === '') throw dbErrors.requestFailed('$geoNear requires a distanceField')
  const indexed = geoFields(indexes)
  let field: string
  if (typeof spec.key === 'string') field = spec.key
  else if (indexed.length === 1) field = indexed[0]
  else if (indexed.length === 0) throw dbErrors.requestFailed('$geoNear requires a 2d or 2dsphere index, but none were found')
  else throw dbErrors.requestFailed('There is more than one 2dsphere index; unsure which to use for $geoNear: give key')
  const near = nearSpec(field, { $nearSphere: { $geometry: { type: 'Point', coordinates: point }, $maxDistance: spec.maxDistance, $minDistance: spec.minDistance } }, indexes)
  if (!near) throw dbErrors.requestFailed('$geoNear: no point')
  const multiplier = spec.distanceMultiplier === undefined ? 1 : Number(spec.distanceMultiplier)
  return {
    ...near,
    query: (spec.query as Doc | undefined) ?? {},
    distanceField: spec.distanceField,
    includeLocs: typeof spec.includeLocs === 'string' ? spec.includeLocs : undefined,
    multiplier,
  }
}
