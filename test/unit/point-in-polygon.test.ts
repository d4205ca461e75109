import { buildGridIndex } from '../../cloudfunctions/shared/core/geo/grid-index'
import {
  boundingBox,
  distanceM,
  distanceToPolygonEdgeM,
  pointInPolygon,
  polygonAreaM2,
} from '../../cloudfunctions/shared/core/geo/point-in-polygon'
import { gridBoundaries } from '../../local/seed/demo-geometry'
import type { Polygon } from '../../types/geo.schema'

const squareWithHole: Polygon = [
  [[0, 0], [10, 0], [10, 10], [0, 10]],
  [[4, 4], [6, 4], [6, 6], [4, 6]],
]
const diamond: Polygon = [[[0, 5], [5, 0], [10, 5], [5, 10]]]
const uShape: Polygon = [[[0, 0], [9, 0], [9, 9], [6, 9], [6, 3], [3, 3], [3, 9], [0, 9]]]

describe('pointInPolygon: ray casting, edges and vertices inside', () => {
  test.each([
    ['inside the outer ring', squareWithHole, 2, 2, true],
    ['inside the hole', squareWithHole, 5, 5, false],
    ['on an outer edge', squareWithHole, 5, 0, true],
    ['on an outer vertex', squareWithHole, 10, 10, true],
    ['on a hole edge (the grid’s own boundary)', squareWithHole, 5, 4, true],
    ['on a hole vertex', squareWithHole, 4, 6, true],
    ['outside, level with the square', squareWithHole, 11, 5, false],
    ['collinear with the bottom edge, beyond it', squareWithHole, 12, 0, false],
    ['1e-6° outside an edge', squareWithHole, 10.000001, 5, false],
    ['within the 1e-9° edge tolerance', squareWithHole, 10 + 5e-10, 5, true],
    ['ray through a vertex, inside', diamond, 2, 5, true],
    ['ray through two vertices, outside', diamond, -2, 5, false],
    ['inside the U’s notch (concave)', uShape, 4.5, 6, false],
    ['inside the U’s arm', uShape, 1.5, 6, true],
    ['on the notch’s inner edge', uShape, 3, 6, true],
  ])('%s', (_name, polygon, lng, lat, expected) => {
    expect(pointInPolygon({ lng, lat }, polygon)).toBe(expected)
  })
})

describe('measures', () => {
  const metresPerDegree = (6_371_008.8 * Math.PI) / 180

  test('area: the outer ring minus its holes, in m² at the polygon’s latitude', () => {
    const lat = 31.2
    const box = (x0: number, y0: number, s: number): Polygon[number] => [[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s]]
    const cell = (s: number) => s * metresPerDegree * Math.cos((lat * Math.PI) / 180) * s * metresPerDegree
    expect(polygonAreaM2([box(121.4, lat, 0.01)])).toBeCloseTo(cell(0.01), 0)
    expect(polygonAreaM2([box(121.4, lat, 0.01), box(121.404, lat + 0.004, 0.002)])).toBeCloseTo(cell(0.01) - cell(0.002), 0)
  })

  test('bounding box of the outer ring', () => {
    expect(boundingBox(squareWithHole)).toEqual({ minLng: 0, minLat: 0, maxLng: 10, maxLat: 10 })
  })

  test.each([
    ['one degree of latitude', { lng: 121.45, lat: 31 }, { lng: 121.45, lat: 32 }, metresPerDegree],
    ['across the demo street (0.04° of longitude at 31.18°N)', { lng: 121.43, lat: 31.18 }, { lng: 121.47, lat: 31.18 }, 0.04 * metresPerDegree * Math.cos((31.18 * Math.PI) / 180)],
    ['a point to itself', { lng: 121.45, lat: 31.19 }, { lng: 121.45, lat: 31.19 }, 0],
  ])('distanceM: %s', (_name, a, b, metres) => {
    expect(distanceM(a, b)).toBeCloseTo(metres, 0)
  })

  const street: Polygon = [
    [[121.44, 31.19], [121.45, 31.19], [121.45, 31.2], [121.44, 31.2]],
    [[121.444, 31.194], [121.446, 31.194], [121.446, 31.196], [121.444, 31.196]],
  ]
  test.each([
    ['0.001° north of the top edge', { lng: 121.445, lat: 31.201 }, 0.001 * metresPerDegree],
    ['on an edge', { lng: 121.445, lat: 31.19 }, 0],
    ['in the hole: its east and west edges are nearest', { lng: 121.445, lat: 31.195 }, 0.001 * metresPerDegree * Math.cos((31.195 * Math.PI) / 180)],
    ['beyond a corner: the vertex is nearest', { lng: 121.45 + 0.001 / Math.cos((31.19 * Math.PI) / 180), lat: 31.189 }, Math.SQRT2 * 0.001 * metresPerDegree],
  ])('distanceToPolygonEdgeM: %s', (_name, point, metres) => {
    expect(Math.abs(distanceToPolygonEdgeM(point, street) - metres)).toBeLessThan(0.5)
  })
})

describe('grid-index lookup agrees with a linear scan', () => {
  const areas = Object.entries(gridBoundaries).map(([_id, boundary]) => ({ _id, boundary }))
  const index = buildGridIndex(areas)

  test('on a 120 × 120 lattice over the demo street and its surroundings, vertices included', () => {
    const vertices = areas.flatMap((a) => a.boundary.flat().map(([lng, lat]) => ({ lng, lat })))
    const lattice = Array.from({ length: 120 * 120 }, (_, k) => ({ lng: 121.425 + (k % 120) * 0.0004, lat: 31.175 + Math.floor(k / 120) * 0.0004 }))
    for (const point of [...lattice, ...vertices]) {
      const linear = areas.filter((a) => pointInPolygon(point, a.boundary)).map((a) => a._id)
      expect(index.lookup(point)).toEqual(linear)
    }
  })

  test('an empty index finds nothing', () => {
    expect(buildGridIndex([]).lookup({ lng: 121.45, lat: 31.19 })).toEqual([])
  })
})
