import { Branch, Building, Community, Grid, Household, Street } from '../../../types'
import { buildDirectoryIndex, type DirectoryIndex } from '../core/route-request'
import { clock } from './clock'
import { Collections } from './collections'
import { findById, findMany } from './documents'

/**
 * The territory and party structure changes a few times a year; requests arrive all day. A warm
 * function instance keeps one copy for a minute instead of reading ~100 documents per call.
 */
const TTL_MS = 60_000

export type Directory = {
  streets: Map<string, Street>
  communities: Map<string, Community>
  grids: Map<string, Grid>
  buildings: Map<string, Building>
  branches: Map<string, Branch>
  /** Routing's spatial index; households are looked up per call, not held here. */
  routing: DirectoryIndex
}

let cached: { at: number; directory: Promise<Directory> } | null = null

export function loadDirectory(now: number): Promise<Directory> {
  if (!cached || now - cached.at > TTL_MS) {
    const directory = readDirectory()
    cached = { at: now, directory }
    directory.catch(() => {
      if (cached?.directory === directory) cached = null
    })
  }
  return cached.directory
}

/** After a directory write the next read must see it. */
export function forgetDirectory(): void {
  cached = null
}

async function readDirectory(): Promise<Directory> {
  const [streets, communities, grids, buildings, branches] = await Promise.all([
    findMany(Collections.streets, {}, Street),
    findMany(Collections.communities, {}, Community),
    findMany(Collections.grids, {}, Grid),
    findMany(Collections.buildings, {}, Building),
    findMany(Collections.branches, {}, Branch),
  ])
  const byId = <T extends { _id: string }>(docs: T[]) => new Map(docs.map((doc) => [doc._id, doc]))
  return {
    streets: byId(streets),
    communities: byId(communities),
    grids: byId(grids),
    buildings: byId(buildings),
    branches: byId(branches),
    routing: buildDirectoryIndex({ communities, grids, buildings, branches, households: [] }),
  }
}

export function branchLineage(directory: Directory, branchId: string): string[] {
  const lineage: string[] = []
  for (let id: string | null = branchId; id && !lineage.includes(id); id = directory.branches.get(id)?.parentId ?? null) {
    lineage.push(id)
  }
  return lineage
}

/** The lineage with each branch's secretary, as policy registrationDecider reads it. */
export function secretaryLineage(directory: Directory, branchId: string): { branchId: string; secretaryId: string | null }[] {
  return branchLineage(directory, branchId).map((id) => ({ branchId: id, secretaryId: directory.branches.get(id)?.secretaryId ?? null }))
}

/** A branch and every party group and 党员中心户 under it: whose members a wish routed to the branch reaches. */
export function branchAndBelow(directory: Directory, branchId: string): string[] {
  const ids = [branchId]
  for (let i = 0; i < ids.length; i++) {
    for (const branch of directory.branches.values()) if (branch.parentId === ids[i]) ids.push(branch._id)
  }
  return ids
}

/**
 * Households are written by the seed and the committee's import, never by a function, and a household
 * never moves: its building and room are what they were. A warm instance keeps each one it read for
 * ten minutes (a bound caller's home is read on most actions), a few thousand at most; one not found
 * is not kept, so a household imported since is found at once.
 */
const HOUSEHOLD_TTL_MS = 10 * 60_000
const KEPT_HOUSEHOLDS = 5_000
const households = new Map<string, { at: number; household: Promise<Household | null> }>()

export function householdOf(householdId: string, now: number = clock().now()): Promise<Household | null> {
  const hit = households.get(householdId)
  if (hit && now - hit.at <= HOUSEHOLD_TTL_MS) return hit.household
  if (households.size >= KEPT_HOUSEHOLDS) households.clear()
  const household = findById(Collections.households, householdId, Household)
  households.set(householdId, { at: now, household })
  const forget = () => {
    if (households.get(householdId)?.household === household) households.delete(householdId)
  }
  household.then((found) => found ?? forget()).catch(forget)
  return household
}

/** A household read along with something else (the caller's record, actor-store.ts): kept as if householdOf had read it. */
export function rememberHousehold(household: Household, now: number): void {
  if (households.size >= KEPT_HOUSEHOLDS) households.clear()
  households.set(household._id, { at: now, household: Promise.resolve(household) })
}

/** The building a bound household is in, or null: no read when this instance read the household lately. */
export async function homeBuildingOf(householdId: string | undefined, directory: Directory): Promise<Building | null> {
  if (!householdId) return null
  const household = await householdOf(householdId)
  return household ? (directory.buildings.get(household.buildingId) ?? null) : null
}
