import type { LngLat, Polygon, Ring } from '../../types/geo.schema'

/**
 * The demo street's grid boundaries (GCJ-02), drawn as a 4 × 2 patchwork so that neighbours share
 * their boundary vertex for vertex and the grids tile the street with no gap. Columns run west → east
 * (0: 康乐 west, 1: 康乐 east, 2: 翠湖, 3: 张家村), rows south → north.
 */

/** Corners where grids meet: CORNERS[column line 0..4][row line 0..2]. */
const CORNERS: LngLat[][] = [
  [[121.432, 31.1822], [121.4316, 31.1951], [121.4325, 31.2078]],
  [[121.4408, 31.1818], [121.4413, 31.1947], [121.4405, 31.2083]],
  [[121.4502, 31.1823], [121.4497, 31.1956], [121.4508, 31.2079]],
  [[121.4589, 31.1816], [121.4594, 31.1949], [121.4586, 31.2084]],
  [[121.4681, 31.1821], [121.4677, 31.1953], [121.4683, 31.2077]],
]

/** Bends of the north–south boundaries (lanes, a creek), south to north: MERIDIANS[line][row]. */
const MERIDIANS: LngLat[][][] = [
  [[[121.4311, 31.1865], [121.4323, 31.191]], [[121.4309, 31.2012]]],
  [[[121.4415, 31.1861], [121.4402, 31.1903]], [[121.4419, 31.1992], [121.4409, 31.204]]],
  [[[121.4496, 31.187]], [[121.4505, 31.2001], [121.4493, 31.2043]]],
  [[[121.4597, 31.1862], [121.4585, 31.1907]], [[121.4591, 31.2015]]],
  [[[121.4688, 31.1885]], [[121.4674, 31.201], [121.4685, 31.2045]]],
]

/** Bends of the east–west boundaries (roads), west to east: PARALLELS[line][column]. */
const PARALLELS: LngLat[][][] = [
  [[[121.4362, 31.1815]], [[121.4452, 31.1826]], [[121.4545, 31.1812]], [[121.463, 31.1825], [121.4655, 31.1817]]],
  [[[121.4358, 31.1958]], [[121.444, 31.1941], [121.447, 31.1952]], [[121.4548, 31.196]], [[121.4635, 31.1944]]],
  [[[121.4368, 31.2086]], [[121.4455, 31.2075]], [[121.455, 31.2088]], [[121.4633, 31.2081]]],
]

/** The outer ring of patch (column, row), counter-clockwise from its south-west corner. */
function patch(column: number, row: number): Ring {
  return [
    CORNERS[column][row],
    ...PARALLELS[row][column],
    CORNERS[column + 1][row],
    ...MERIDIANS[column + 1][row],
    CORNERS[column + 1][row + 1],
    ...[...PARALLELS[row + 1][column]].reverse(),
    CORNERS[column][row + 1],
    ...[...MERIDIANS[column][row]].reverse(),
  ]
}

/**
 * 康乐二网格's drawing claims the lane east of 康乐小区 up to its far kerb, which 康乐四网格 also
 * claims: a small deliberate overlap, so the smaller-grid tie-break is exercised.
 */
export const OVERLAP_BEND: LngLat = [121.4425, 31.1992]
const kangle2 = patch(0, 1).map((v): LngLat => (v === MERIDIANS[1][1][0] ? OVERLAP_BEND : v))

/** 翠湖实验小学: the school compound belongs to no grid, a hole in 翠湖一网格. */
export const SCHOOL_HOLE: Ring = [[121.453, 31.187], [121.456, 31.1868], [121.4562, 31.189], [121.4532, 31.1893]]

export const gridBoundaries: Record<string, Polygon> = {
  'grid-kangle-1': [patch(0, 0)],
  'grid-kangle-2': [kangle2],
  'grid-kangle-3': [patch(1, 0)],
  'grid-kangle-4': [patch(1, 1)],
  'grid-cuihu-1': [patch(2, 0), SCHOOL_HOLE],
  'grid-cuihu-2': [patch(2, 1)],
  'grid-zhangjia-1': [patch(3, 0)],
  'grid-zhangjia-2': [patch(3, 1)],
}

/** Points the tests name: a vertex four grids share, and the street's south-west corner. */
export const landmarks = {
  fourGridCorner: CORNERS[1][1],
  streetSouthWestCorner: CORNERS[0][0],
  kangle1Kangle3SharedBend: MERIDIANS[1][0][0],
}
