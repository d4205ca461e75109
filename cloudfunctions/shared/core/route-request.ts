import type { Category } from '../../../types/category.schema'
import type { Branch, Building, Community, Grid, Household } from '../../../types/directory.schema'
import type { GeoPoint } from '../../../types/geo.schema'
import type { LocateRule, RouteDecision, RouteTarget } from '../../../types/route.schema'
import { classify, outsideEveryGrid } from './category-matrix'
import { buildGridIndex, type GridIndex } from './geo/grid-index'
import { boundingBox, distanceM, distanceToBBoxM, distanceToPolygonEdgeM, polygonAreaM2, type BBox } from './geo/point-in-polygon'

export type DirectorySnapshot = {
  communities: Community[]
  grids: Grid[]
  buildings: Building[]
  households: Household[]
  branches: Branch[]
}

/** Past this distance from every grid a point is not ours to route: OUT_OF_AREA. */
export const OUT_OF_AREA_M = 3000
/** A pin this close to a building is taken to mean that building (its party group, its property contact). */
export const NEAREST_BUILDING_M = 50

export type DirectoryIndex = {
  readonly communities: ReadonlyMap<string, Community>
  readonly grids: ReadonlyMap<string, Grid & { areaM2: number; bbox: BBox }>
  readonly buildings: ReadonlyMap<string, Building>
  readonly households: ReadonlyMap<string, Household>
  readonly buildingsByGrid: ReadonlyMap<string, Building[]>
  /** The 社区大党委 of each community: the party side of an item no grid holds. */
  readonly communityBranch: ReadonlyMap<string, string>
  readonly spatial: GridIndex
}

export function buildDirectoryIndex(snapshot: DirectorySnapshot): DirectoryIndex {
  const byId = <T extends { _id: string }>(items: T[]) => new Map(items.map((item) => [item._id, item]))
  const buildingsByGrid = new Map<string, Building[]>()
  for (const b of snapshot.buildings) {
    const list = buildingsByGrid.get(b.gridId)
    if (list) list.push(b)
    else buildingsByGrid.set(b.gridId, [b])
  }
  const communityBranch = new Map<string, string>()
  for (const br of snapshot.branches) if (br.level === 'community') communityBranch.set(br.unitId, br._id)
  return {
    communities: byId(snapshot.communities),
    grids: new Map(snapshot.grids.map((g) => [g._id, { ...g, areaM2: polygonAreaM2(g.boundary), bbox: boundingBox(g.boundary) }])),
    buildings: byId(snapshot.buildings),
    households: byId(snapshot.households),
    buildingsByGrid,
    communityBranch,
    spatial: buildGridIndex(snapshot.grids),
  }
}

export type RouteInput = { category: Category; target: RouteTarget }
export type RouteOutcome = { ok: true; decision: RouteDecision } | { ok: false; reason: 'UNKNOWN_HOUSEHOLD' | 'OUT_OF_AREA' }

type Located = { community: Community; grid: Grid | null; building: Building | null; locateRule: LocateRule }

export function routeRequest(index: DirectoryIndex, input: RouteInput): RouteOutcome {
  const located = 'householdId' in input.target ? locateHousehold(index, input.target.householdId) : locatePoint(index, input.target.point)
  if (typeof located === 'string') return { ok: false, reason: located }
  const { community, grid, building, locateRule } = located
  const handler = grid ? classify(input.category, { community, grid, building }) : outsideEveryGrid(input.category)
  return {
    ok: true,
    decision: {
      communityId: community._id,
      gridId: grid?._id ?? null,
      buildingId: building?._id ?? null,
      branchId: grid ? grid.branchId : (index.communityBranch.get(community._id) ?? null),
      partyGroupId: building?.partyGroupId ?? null,
      ...handler,
      locateRule,
      category: input.category,
    },
  }
}

/** A household whose building, grid or community is missing is as unknown as a missing household. */
function locateHousehold(index: DirectoryIndex, householdId: string): Located | 'UNKNOWN_HOUSEHOLD' {
  const building = index.buildings.get(index.households.get(householdId)?.buildingId ?? '')
  const grid = building && index.grids.get(building.gridId)
  const community = grid && index.communities.get(grid.communityId)
  if (!building || !grid || !community) return 'UNKNOWN_HOUSEHOLD'
  return { community, grid, building, locateRule: 'household' }
}

function locatePoint(index: DirectoryIndex, point: GeoPoint): Located | 'OUT_OF_AREA' {
  const containing = index.spatial.lookup(point).map((id) => index.grids.get(id)!)
  if (containing.length === 0) return locateOutside(index, point)
  // Overlap tie-break: the smaller grid is the more specific drawing; equal areas fall to the lower
  // _id so the same point always lands in the same grid.
  const grid = containing.reduce((best, g) =>
    g.areaM2 < best.areaM2 || (g.areaM2 === best.areaM2 && g._id < best._id) ? g : best,
  )
  const community = index.communities.get(grid.communityId)
  // A grid whose community is gone serves no one; the snapshot's integrity test keeps this unreachable.
  if (!community) return 'OUT_OF_AREA'
  return {
    community,
    grid,
    building: nearestBuilding(index.buildingsByGrid.get(grid._id) ?? [], point),
    locateRule: containing.length > 1 ? 'point-overlap-smaller' : 'point-in-grid',
  }
}

function nearestBuilding(buildings: Building[], point: GeoPoint): Building | null {
  let best: Building | null = null
  let bestM = NEAREST_BUILDING_M
  for (const b of buildings) {
    const m = distanceM(point, b.location)
    if (m <= bestM && (best === null || m < bestM || b._id < best._id)) [best, bestM] = [b, m]
  }
  return best
}

/** Outside every grid: the community whose grid boundary is nearest, ties to the lower community _id. */
function locateOutside(index: DirectoryIndex, point: GeoPoint): Located | 'OUT_OF_AREA' {
  let best: { communityId: string; m: number } | null = null
  for (const g of index.grids.values()) {
    if (distanceToBBoxM(point, g.bbox) > (best?.m ?? OUT_OF_AREA_M)) continue
    const m = distanceToPolygonEdgeM(point, g.boundary)
    if (m > OUT_OF_AREA_M) continue
    if (!best || m < best.m || (m === best.m && g.communityId < best.communityId)) best = { communityId: g.communityId, m }
  }
  const community = best && index.communities.get(best.communityId)
  if (!community) return 'OUT_OF_AREA'
  return { community, grid: null, building: null, locateRule: 'outside-every-grid' }
}
