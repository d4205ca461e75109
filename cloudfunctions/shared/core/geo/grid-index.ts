import type { GeoPoint, Polygon } from '../../../../types/geo.schema'
import { EDGE_EPSILON_DEG, boundingBox, flattenPolygon, pointInFlatPolygon, type FlatPolygon } from './point-in-polygon'

export type GridIndex = {
  /** Every grid whose polygon contains the point (edges included), in the order they were given. */
  lookup(point: GeoPoint): string[]
  readonly size: number
}

export type IndexedArea = { _id: string; boundary: Polygon }

/**
 * A uniform bucket grid over the areas' extent, each cell listing the areas whose bounding box meets
 * it (CSR arrays). Grid polygons tile a city with similar sizes, so a uniform cell size keeps every
 * bucket short — an R-tree's adaptivity buys nothing here and costs a tree walk per lookup.
 * About `cellsPerArea` cells per area leaves one or two candidates per cell.
 */
export function buildGridIndex(areas: ReadonlyArray<IndexedArea>, cellsPerArea = 4): GridIndex {
  const n = areas.length
  const ids = areas.map((a) => a._id)
  const flats: FlatPolygon[] = areas.map((a) => flattenPolygon(a.boundary))
  const boxes = new Float64Array(n * 4)
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
  areas.forEach((a, i) => {
    const b = boundingBox(a.boundary)
    boxes.set([b.minLng - EDGE_EPSILON_DEG, b.minLat - EDGE_EPSILON_DEG, b.maxLng + EDGE_EPSILON_DEG, b.maxLat + EDGE_EPSILON_DEG], i * 4)
    minX = Math.min(minX, boxes[i * 4]); minY = Math.min(minY, boxes[i * 4 + 1])
    maxX = Math.max(maxX, boxes[i * 4 + 2]); maxY = Math.max(maxY, boxes[i * 4 + 3])
  })
  if (n === 0) return { lookup: () => [], size: 0 }

  const width = maxX - minX || EDGE_EPSILON_DEG
  const height = maxY - minY || EDGE_EPSILON_DEG
  const cellSize = Math.sqrt((width * height) / (n * cellsPerArea))
  const cols = Math.max(1, Math.ceil(width / cellSize))
  const rows = Math.max(1, Math.ceil(height / cellSize))
  const invW = cols / width, invH = rows / height
  const colOf = (x: number) => Math.min(cols - 1, Math.max(0, Math.floor((x - minX) * invW)))
  const rowOf = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - minY) * invH)))

  const forEachCell = (i: number, visit: (cell: number) => void) => {
    for (let r = rowOf(boxes[i * 4 + 1]); r <= rowOf(boxes[i * 4 + 3]); r++) {
      for (let c = colOf(boxes[i * 4]); c <= colOf(boxes[i * 4 + 2]); c++) visit(r * cols + c)
    }
  }
  const cellStart = new Int32Array(rows * cols + 1)
  for (let i = 0; i < n; i++) forEachCell(i, (cell) => cellStart[cell + 1]++)
  for (let k = 0; k < rows * cols; k++) cellStart[k + 1] += cellStart[k]
  const fill = cellStart.slice(0, rows * cols)
  const cellItems = new Int32Array(cellStart[rows * cols])
  for (let i = 0; i < n; i++) forEachCell(i, (cell) => (cellItems[fill[cell]++] = i))

  const lookup = (point: GeoPoint): string[] => {
    const x = point.lng, y = point.lat
    const found: string[] = []
    if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) return found
    const cell = rowOf(y) * cols + colOf(x)
    for (let k = cellStart[cell], end = cellStart[cell + 1]; k < end; k++) {
      const i = cellItems[k], o = i * 4
      if (x < boxes[o] || y < boxes[o + 1] || x > boxes[o + 2] || y > boxes[o + 3]) continue
      if (pointInFlatPolygon(flats[i], x, y)) found.push(ids[i])
    }
    return found
  }
  return { lookup, size: n }
}
