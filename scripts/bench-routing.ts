/**
 * The locate step's hot path at city scale: the grid index against a plain linear scan.
 *   npx tsx scripts/bench-routing.ts [grids=3300] [points=1000000]
 * Deterministic: the same seed gives the same grids and points, so runs compare.
 */
import { buildGridIndex, type IndexedArea } from '../cloudfunctions/shared/core/geo/grid-index'
import { flattenPolygon, pointInFlatPolygon } from '../cloudfunctions/shared/core/geo/point-in-polygon'
import type { GeoPoint, LngLat, Ring } from '../types/geo.schema'

const GRID_COUNT = Number(process.argv[2] ?? 3300)
const POINT_COUNT = Number(process.argv[3] ?? 1_000_000)
const LINEAR_BUDGET_S = 15

/** mulberry32: a tiny seeded PRNG, so the city is the same every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A Shanghai-sized patchwork (≈57 × 55 km): jittered shared corners and bent shared edges, no gaps. */
function syntheticCity(count: number, random: () => number): { areas: IndexedArea[]; box: [number, number, number, number] } {
  const cols = Math.ceil(Math.sqrt(count * 1.1)), rows = Math.ceil(count / cols)
  const [x0, y0, w, h] = [121.2, 30.9, 0.6 / 60 * cols, 0.5 / 55 * rows]
  const cw = w / cols, ch = h / rows
  const jitter = (s: number) => (random() - 0.5) * s
  const corner: LngLat[][] = Array.from({ length: cols + 1 }, (_, i) =>
    Array.from({ length: rows + 1 }, (_, j): LngLat => [x0 + i * cw + jitter(0.4 * cw), y0 + j * ch + jitter(0.4 * ch)]))
  const bends = (a: LngLat, b: LngLat): LngLat[] => {
    const n = Math.floor(random() * 3)
    return Array.from({ length: n }, (_, k): LngLat => {
      const t = (k + 1) / (n + 1)
      return [a[0] + t * (b[0] - a[0]) + jitter(0.2 * cw), a[1] + t * (b[1] - a[1]) + jitter(0.2 * ch)]
    })
  }
  const up = corner.map((line, i) => line.slice(0, rows).map((c, j) => bends(c, corner[i][j + 1])))
  const across = Array.from({ length: rows + 1 }, (_, j) => Array.from({ length: cols }, (_, i) => bends(corner[i][j], corner[i + 1][j])))
  const areas: IndexedArea[] = []
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols && areas.length < count; i++) {
      const ring: Ring = [corner[i][j], ...across[j][i], corner[i + 1][j], ...up[i + 1][j], corner[i + 1][j + 1],
        ...[...across[j + 1][i]].reverse(), corner[i][j + 1], ...[...up[i][j]].reverse()]
      areas.push({ _id: `grid-${String(areas.length).padStart(5, '0')}`, boundary: [ring] })
    }
  }
  return { areas, box: [x0 - 0.01, y0 - 0.01, w + 0.02, h + 0.02] }
}

function time<T>(run: () => T): [T, number] {
  const start = process.hrtime.bigint()
  const result = run()
  return [result, Number(process.hrtime.bigint() - start) / 1e9]
}

const random = prng(20250101)
const { areas, box } = syntheticCity(GRID_COUNT, random)
const points: GeoPoint[] = Array.from({ length: POINT_COUNT }, () => ({ lng: box[0] + random() * box[2], lat: box[1] + random() * box[3] }))
const vertexCounts = areas.map((a) => a.boundary[0].length)

const [index, buildS] = time(() => buildGridIndex(areas))
const flats = areas.map((a) => flattenPolygon(a.boundary))
const linearLookup = (p: GeoPoint): string[] => {
  const found: string[] = []
  for (let i = 0; i < flats.length; i++) if (pointInFlatPolygon(flats[i], p.lng, p.lat)) found.push(areas[i]._id)
  return found
}

const sample = points.slice(0, 2000)
const disagreements = sample.filter((p) => index.lookup(p).join() !== linearLookup(p).join()).length
if (disagreements > 0) throw new Error(`index and linear scan disagree on ${disagreements} of ${sample.length} points`)

const runIndexed = (n: number) => {
  let hits = 0
  for (let k = 0; k < n; k++) hits += index.lookup(points[k]).length
  return hits
}
runIndexed(Math.min(POINT_COUNT, 200_000))
const [indexedHits, indexedS] = time(() => runIndexed(POINT_COUNT))

const runLinear = (n: number) => {
  let hits = 0
  for (let k = 0; k < n; k++) hits += linearLookup(points[k]).length
  return hits
}
const [, probeS] = time(() => runLinear(200))
const linearPoints = Math.min(POINT_COUNT, Math.max(200, Math.floor((200 / probeS) * LINEAR_BUDGET_S)))
const [, linearS] = time(() => runLinear(linearPoints))

const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US').padStart(12)
console.log(`grids ${areas.length} (${Math.min(...vertexCounts)}–${Math.max(...vertexCounts)} vertices), points ${POINT_COUNT.toLocaleString('en-US')}, ${(indexedHits / POINT_COUNT * 100).toFixed(1)}% inside a grid`)
console.log(`index build  ${(buildS * 1000).toFixed(1)} ms`)
console.log(`indexed      ${rate(POINT_COUNT, indexedS)} lookups/s  (${POINT_COUNT.toLocaleString('en-US')} points in ${indexedS.toFixed(2)} s)`)
console.log(`linear scan  ${rate(linearPoints, linearS)} lookups/s  (${linearPoints.toLocaleString('en-US')} points in ${linearS.toFixed(2)} s; ${POINT_COUNT.toLocaleString('en-US')} would take ≈${((linearS / linearPoints) * POINT_COUNT).toFixed(0)} s)`)
console.log(`speed-up     ×${Math.round(linearS / linearPoints / (indexedS / POINT_COUNT))}; agreement checked on ${sample.length} points`)
