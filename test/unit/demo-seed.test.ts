import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { buildGridIndex } from '../../cloudfunctions/shared/core/geo/grid-index'
import { pointInPolygon } from '../../cloudfunctions/shared/core/geo/point-in-polygon'
import { OVERLAP_BEND } from '../../local/seed/demo-geometry'
import { demoSeed, personas } from '../../local/seed/demo-street'
import { Role } from '../../types/directory.actions'
import { Branch, Building, Community, Grid, Household, Street, User, type BranchLevel } from '../../types/directory.schema'

const { streets, communities, grids, buildings, households, branches, users } = demoSeed
const byId = <T extends { _id: string }>(items: T[]) => new Map(items.map((x) => [x._id, x]))
const streetIds = byId(streets)
const communityById = byId(communities)
const gridById = byId(grids)
const buildingById = byId(buildings)
const householdById = byId(households)
const branchById = byId(branches)
const userById = byId(users)

describe('the demo seed parses with the directory schemas', () => {
  test.each([
    ['streets', Street, streets],
    ['communities', Community, communities],
    ['grids', Grid, grids],
    ['buildings', Building, buildings],
    ['households', Household, households],
    ['branches', Branch, branches],
    ['users', User, users],
  ] as const)('%s', (_name, schema, items) => {
    for (const item of items) expect(schema.parse(item)).toEqual(item)
    expect(new Set(items.map((x) => x._id)).size).toBe(items.length)
  })
})

describe('the demo street has the shape the demo and the tests rely on', () => {
  test('one street, communities of different types, 8 grids of 6–12 vertices, one with a hole', () => {
    expect(streets).toHaveLength(1)
    expect(new Set(communities.map((c) => c.type)).size).toBe(communities.length)
    expect(grids).toHaveLength(8)
    for (const g of grids) expect(g.boundary[0].length).toBeGreaterThanOrEqual(6)
    for (const g of grids) expect(g.boundary[0].length).toBeLessThanOrEqual(12)
    expect(grids.filter((g) => g.boundary.length > 1)).toHaveLength(1)
  })

  test('the deliberate overlap: 康乐二 and 康乐四 both claim the lane between them', () => {
    const index = buildGridIndex(grids)
    expect(index.lookup({ lng: OVERLAP_BEND[0] - 0.0003, lat: OVERLAP_BEND[1] })).toEqual(['grid-kangle-2', 'grid-kangle-4'])
  })

  test('40 buildings, 4–12 households each, every building inside its own grid and no other', () => {
    const index = buildGridIndex(grids)
    expect(buildings).toHaveLength(40)
    for (const b of buildings) {
      const count = households.filter((h) => h.buildingId === b._id).length
      expect(count).toBeGreaterThanOrEqual(4)
      expect(count).toBeLessThanOrEqual(12)
      expect(pointInPolygon(b.location, gridById.get(b.gridId)!.boundary)).toBe(true)
      expect(index.lookup(b.location)).toEqual([b.gridId])
    }
  })
})

describe('every id the seed references exists', () => {
  const expectUser = (id: string | undefined) => id === undefined || expect(userById.has(id)).toBe(true)
  const branchAt = (id: string | undefined, level: BranchLevel, unitId: string) =>
    expect(branchById.get(id ?? '')).toMatchObject({ level, unitId })

  test('territory: street → community → grid → building → household', () => {
    for (const c of communities) expect(streetIds.has(c.streetId)).toBe(true)
    for (const c of communities) [c.posts.elderlyServices, c.posts.general].forEach(expectUser)
    for (const g of grids) expect(communityById.has(g.communityId)).toBe(true)
    for (const b of buildings) expect(gridById.get(b.gridId)?.communityId).toBe(b.communityId)
    for (const b of buildings) expectUser(b.propertyContactId)
    for (const h of households) expect(buildingById.has(h.buildingId)).toBe(true)
  })

  test('grid workers: every grid staffed, rota and staff roles agree both ways, onDuty on the rota', () => {
    for (const g of grids) {
      expect(g.workerIds.length).toBeGreaterThan(0)
      if (g.onDuty) expect(g.workerIds).toContain(g.onDuty)
      for (const w of g.workerIds) expect(userById.get(w)?.staff.gridWorker?.gridIds).toContain(g._id)
    }
    for (const u of users) for (const gridId of u.staff.gridWorker?.gridIds ?? []) expect(gridById.get(gridId)?.workerIds).toContain(u._id)
  })

  test('party: five levels, each branch under the level above, standing for a unit that exists', () => {
    const above: Record<BranchLevel, BranchLevel | null> = { street: null, community: 'street', grid: 'community', building: 'grid', household: 'building' }
    const units: Record<BranchLevel, Map<string, unknown>> = { street: streetIds, community: communityById, grid: gridById, building: buildingById, household: householdById }
    expect(new Set(branches.map((b) => b.level))).toEqual(new Set(Object.keys(above)))
    for (const br of branches) {
      expect(units[br.level].has(br.unitId)).toBe(true)
      expect(br.parentId === null ? null : branchById.get(br.parentId)?.level).toBe(above[br.level])
      expectUser(br.secretaryId)
      if (br.level !== 'household') expect(br.secretaryId).toBeDefined()
    }
    for (const g of grids) branchAt(g.branchId, 'grid', g._id)
    for (const b of buildings) if (b.partyGroupId) branchAt(b.partyGroupId, 'building', b._id)
  })

  test('users: households, branches and staff scopes exist', () => {
    for (const u of users) {
      expect(u.householdId === undefined || householdById.has(u.householdId)).toBe(true)
      expect(u.party === undefined || branchById.has(u.party.branchId)).toBe(true)
      for (const id of u.staff.committee?.communityIds ?? []) expect(communityById.has(id)).toBe(true)
      for (const id of u.staff.streetAdmin?.streetIds ?? []) expect(streetIds.has(id)).toBe(true)
    }
  })

  // Issue 8: 民法典 art. 278 weighs owners by floor area, so the demo has both ("the demo seed has them").
  test('every household has its floor area, every bound resident says whether they own it, and both kinds are there', () => {
    expect(households.filter((h) => !(h.area !== undefined && h.area > 0))).toEqual([])
    const bound = users.filter((u) => u.householdId !== undefined)
    expect(bound.filter((u) => u.tenure === undefined)).toEqual([])
    expect(new Set(bound.map((u) => u.tenure))).toEqual(new Set(['owner', 'occupant']))
  })
})

describe('personas', () => {
  /** What the directory says about a user, the way a reader of the seed would summarise it. */
  const rolesOf = (u: User): Role[] =>
    Role.options.filter((role) => ({
      resident: true,
      verifiedResident: u.householdId !== undefined,
      partyMember: u.party?.status === 'verified',
      branchSecretary: branches.some((b) => b.secretaryId === u._id),
      gridWorker: u.staff.gridWorker !== undefined,
      committee: u.staff.committee !== undefined,
      streetAdmin: u.staff.streetAdmin !== undefined,
    })[role])

  test.each(personas.map((p) => [p.openid, p] as const))('%s is a user whose data matches its roles summary', (openid, persona) => {
    const user = userById.get(openid)
    expect(user).toBeDefined()
    expect([...persona.roles].sort()).toEqual(rolesOf(user!).sort())
  })

  test('every role has a persona, and each party member belongs to their own grid’s branch', () => {
    expect(new Set(personas.flatMap((p) => p.roles))).toEqual(new Set(Role.options))
    for (const u of users.filter((x) => x.householdId && x.party)) {
      const grid = gridById.get(buildingById.get(householdById.get(u.householdId!)!.buildingId)!.gridId)!
      expect(u.party!.branchId).toBe(grid.branchId)
    }
  })
})

test('the seed reads no clock and draws no random number', () => {
  const dir = join(__dirname, '../../local/seed')
  for (const file of readdirSync(dir).filter((f) => f.startsWith('demo-') && f.endsWith('.ts'))) {
    expect(readFileSync(join(dir, file), 'utf8')).not.toMatch(/Math\.random|Date\.now|new Date\(/)
  }
})
