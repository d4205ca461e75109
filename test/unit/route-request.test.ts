import { categoryMatrix } from '../../cloudfunctions/shared/core/category-matrix'
import { buildDirectoryIndex, routeRequest, type DirectorySnapshot, type RouteInput } from '../../cloudfunctions/shared/core/route-request'
import { demoSeed } from '../../local/seed/demo-street'
import { landmarks } from '../../local/seed/demo-geometry'
import { Category } from '../../types/category.schema'
import { RouteDecision } from '../../types/route.schema'
import { seedHousehold } from '../../local/seed/demo-buildings'

const index = buildDirectoryIndex(demoSeed)
const at = (lng: number, lat: number) => ({ point: { lng, lat } })
const home = (householdId: string) => ({ householdId })

/** Grid → [community, branch]; the party side follows the grid. */
const gridOf = {
  k1: { communityId: 'comm-kangle', gridId: 'grid-kangle-1', branchId: 'br-grid-kangle-1' },
  k2: { communityId: 'comm-kangle', gridId: 'grid-kangle-2', branchId: 'br-grid-kangle-2' },
  k3: { communityId: 'comm-kangle', gridId: 'grid-kangle-3', branchId: 'br-grid-kangle-3' },
  k4: { communityId: 'comm-kangle', gridId: 'grid-kangle-4', branchId: 'br-grid-kangle-4' },
  c1: { communityId: 'comm-cuihu', gridId: 'grid-cuihu-1', branchId: 'br-grid-cuihu-1' },
  c2: { communityId: 'comm-cuihu', gridId: 'grid-cuihu-2', branchId: 'br-grid-cuihu-2' },
  z1: { communityId: 'comm-zhangjia', gridId: 'grid-zhangjia-1', branchId: 'br-grid-zhangjia-1' },
  z2: { communityId: 'comm-zhangjia', gridId: 'grid-zhangjia-2', branchId: 'br-grid-zhangjia-2' },
}
const noBuilding = { buildingId: null, partyGroupId: null }
const worker = (handlerId: string, classifyRule: string) => ({ handlerId, handlerRole: 'gridWorker' as const, classifyRule })
const queueOf = (communityId: string, category: Category) => ({
  communityId, gridId: null, branchId: `br-${communityId}`, ...noBuilding, handlerId: null, handlerRole: 'communityQueue' as const,
  locateRule: 'outside-every-grid' as const, classifyRule: `${category}→communityQueue (outside every grid)`,
})

type Row = [name: string, input: RouteInput, expected: Omit<RouteDecision, 'category'> | 'UNKNOWN_HOUSEHOLD' | 'OUT_OF_AREA']

const householdRows: Row[] = [
  ['康乐 home, property: no contact for 康乐小区 → grid worker', { category: 'property', target: home(seedHousehold('bldg-kl-3', '201')) },
    { ...gridOf.k1, buildingId: 'bldg-kl-3', partyGroupId: 'br-bldg-kl-3', locateRule: 'household', ...worker('demo-worker-kangle-a', 'property→gridWorker (fallback)') }],
  ['康乐 home, elderly → the elderly-services post', { category: 'elderly', target: home(seedHousehold('bldg-kl-3', '201')) },
    { ...gridOf.k1, buildingId: 'bldg-kl-3', partyGroupId: 'br-bldg-kl-3', locateRule: 'household', handlerId: 'demo-elderly-kangle', handlerRole: 'elderlyServices', classifyRule: 'elderly→elderlyServices' }],
  ['康乐 home, other → the general post', { category: 'other', target: home(seedHousehold('bldg-kl-3', '201')) },
    { ...gridOf.k1, buildingId: 'bldg-kl-3', partyGroupId: 'br-bldg-kl-3', locateRule: 'household', handlerId: 'demo-committee-kangle', handlerRole: 'communityGeneral', classifyRule: 'other→communityGeneral' }],
  ['翠湖苑 home, property → the estate’s property contact', { category: 'property', target: home(seedHousehold('bldg-ch-6', '302')) },
    { ...gridOf.c2, buildingId: 'bldg-ch-6', partyGroupId: 'br-bldg-ch-6', locateRule: 'household', handlerId: 'demo-property-cuihu', handlerRole: 'propertyContact', classifyRule: 'property→propertyContact' }],
  ['翠湖 home, elderly: no post → grid worker', { category: 'elderly', target: home(seedHousehold('bldg-ch-6', '302')) },
    { ...gridOf.c2, buildingId: 'bldg-ch-6', partyGroupId: 'br-bldg-ch-6', locateRule: 'household', ...worker('demo-worker-cuihu', 'elderly→gridWorker (fallback)') }],
  ['翠湖 home, other → the general post', { category: 'other', target: home(seedHousehold('bldg-ch-6', '302')) },
    { ...gridOf.c2, buildingId: 'bldg-ch-6', partyGroupId: 'br-bldg-ch-6', locateRule: 'household', handlerId: 'demo-committee-cuihu', handlerRole: 'communityGeneral', classifyRule: 'other→communityGeneral' }],
  ['翠湖一 home, hazard → onDuty, not the rota’s first', { category: 'hazard', target: home(seedHousehold('bldg-ch-1', '101')) },
    { ...gridOf.c1, buildingId: 'bldg-ch-1', partyGroupId: null, locateRule: 'household', ...worker('demo-worker-cuihu-2', 'hazard→gridWorker') }],
  ['长桥新村 home, neighbour → grid worker', { category: 'neighbour', target: home(seedHousehold('bldg-cq-2', '201')) },
    { ...gridOf.k3, buildingId: 'bldg-cq-2', partyGroupId: 'br-bldg-cq-2', locateRule: 'household', ...worker('demo-worker-kangle-b', 'neighbour→gridWorker') }],
  ['长桥新村 home, environment → grid worker', { category: 'environment', target: home(seedHousehold('bldg-cq-9', '101')) },
    { ...gridOf.k4, buildingId: 'bldg-cq-9', partyGroupId: null, locateRule: 'household', ...worker('demo-worker-kangle-b', 'environment→gridWorker') }],
  ['康乐二 home, facility → grid worker', { category: 'facility', target: home(seedHousehold('bldg-kl-7', '201')) },
    { ...gridOf.k2, buildingId: 'bldg-kl-7', partyGroupId: null, locateRule: 'household', ...worker('demo-worker-kangle-a', 'facility→gridWorker') }],
  ['张家宅 home, property: no property company → grid worker', { category: 'property', target: home(seedHousehold('bldg-zj-1', '101')) },
    { ...gridOf.z1, buildingId: 'bldg-zj-1', partyGroupId: 'br-bldg-zj-1', locateRule: 'household', ...worker('demo-worker-zhangjia', 'property→gridWorker (fallback)') }],
  ['李家宅 home, other: no general post → grid worker', { category: 'other', target: home(seedHousehold('bldg-lj-2', '101')) },
    { ...gridOf.z2, buildingId: 'bldg-lj-2', partyGroupId: null, locateRule: 'household', ...worker('demo-worker-zhangjia', 'other→gridWorker (fallback)') }],
  ['a household that does not exist', { category: 'hazard', target: home('hh-nowhere-101') }, 'UNKNOWN_HOUSEHOLD'],
]

const pointRows: Row[] = [
  ['康乐一, 19 m from 3号楼: its party group', { category: 'hazard', target: at(121.436, 31.1886) },
    { ...gridOf.k1, buildingId: 'bldg-kl-3', partyGroupId: 'br-bldg-kl-3', locateRule: 'point-in-grid', ...worker('demo-worker-kangle-a', 'hazard→gridWorker') }],
  ['康乐二, no building within 50 m', { category: 'environment', target: at(121.4365, 31.199) },
    { ...gridOf.k2, ...noBuilding, locateRule: 'point-in-grid', ...worker('demo-worker-kangle-a', 'environment→gridWorker') }],
  ['康乐三, on 长桥新村2号 itself', { category: 'facility', target: at(121.4472, 31.1846) },
    { ...gridOf.k3, buildingId: 'bldg-cq-2', partyGroupId: 'br-bldg-cq-2', locateRule: 'point-in-grid', ...worker('demo-worker-kangle-b', 'facility→gridWorker') }],
  ['康乐四, no building within 50 m', { category: 'neighbour', target: at(121.446, 31.203) },
    { ...gridOf.k4, ...noBuilding, locateRule: 'point-in-grid', ...worker('demo-worker-kangle-b', 'neighbour→gridWorker') }],
  ['翠湖一, beside 1号楼: property contact via the nearest building', { category: 'property', target: at(121.4519, 31.185) },
    { ...gridOf.c1, buildingId: 'bldg-ch-1', partyGroupId: null, locateRule: 'point-in-grid', handlerId: 'demo-property-cuihu', handlerRole: 'propertyContact', classifyRule: 'property→propertyContact' }],
  ['翠湖二, property with no building near → grid worker', { category: 'property', target: at(121.454, 31.204) },
    { ...gridOf.c2, ...noBuilding, locateRule: 'point-in-grid', ...worker('demo-worker-cuihu', 'property→gridWorker (fallback)') }],
  ['张家宅, beside 张家宅1号', { category: 'elderly', target: at(121.461, 31.1851) },
    { ...gridOf.z1, buildingId: 'bldg-zj-1', partyGroupId: 'br-bldg-zj-1', locateRule: 'point-in-grid', ...worker('demo-worker-zhangjia', 'elderly→gridWorker (fallback)') }],
  ['李家宅, in the fields', { category: 'other', target: at(121.464, 31.2) },
    { ...gridOf.z2, ...noBuilding, locateRule: 'point-in-grid', ...worker('demo-worker-zhangjia', 'other→gridWorker (fallback)') }],
  ['in 翠湖实验小学 (the hole): no grid → 翠湖’s queue', { category: 'hazard', target: at(121.4546, 31.188) }, queueOf('comm-cuihu', 'hazard')],
  ['in the 康乐二/四 overlap → 康乐四, the smaller', { category: 'hazard', target: at(121.4422, 31.1992) },
    { ...gridOf.k4, ...noBuilding, locateRule: 'point-overlap-smaller', ...worker('demo-worker-kangle-b', 'hazard→gridWorker') }],
  ['on the 康乐一/三 boundary → 康乐三, the smaller', { category: 'environment', target: at(121.44085, 31.1882) },
    { ...gridOf.k3, ...noBuilding, locateRule: 'point-overlap-smaller', ...worker('demo-worker-kangle-b', 'environment→gridWorker') }],
  ['on the street’s west edge → 康乐一 alone', { category: 'hazard', target: at(121.43155, 31.18435) },
    { ...gridOf.k1, ...noBuilding, locateRule: 'point-in-grid', ...worker('demo-worker-kangle-a', 'hazard→gridWorker') }],
  ['on the vertex four grids share → 康乐三, the smallest', { category: 'facility', target: { point: { lng: landmarks.fourGridCorner[0], lat: landmarks.fourGridCorner[1] } } },
    { ...gridOf.k3, ...noBuilding, locateRule: 'point-overlap-smaller', ...worker('demo-worker-kangle-b', 'facility→gridWorker') }],
  ['on the street’s south-west corner → 康乐一 alone', { category: 'facility', target: { point: { lng: landmarks.streetSouthWestCorner[0], lat: landmarks.streetSouthWestCorner[1] } } },
    { ...gridOf.k1, ...noBuilding, locateRule: 'point-in-grid', ...worker('demo-worker-kangle-a', 'facility→gridWorker') }],
  ['400 m west of the street → 康乐’s queue', { category: 'elderly', target: at(121.428, 31.19) }, queueOf('comm-kangle', 'elderly')],
  ['300 m east of the street → 张家村’s queue', { category: 'property', target: at(121.472, 31.2) }, queueOf('comm-zhangjia', 'property')],
  ['2.95 km west of the street → still 康乐’s queue', { category: 'other', target: at(121.4001, 31.1865) }, queueOf('comm-kangle', 'other')],
  ['3.04 km west of the street → OUT_OF_AREA', { category: 'other', target: at(121.3991, 31.1865) }, 'OUT_OF_AREA'],
  ['陆家嘴, across the river → OUT_OF_AREA', { category: 'hazard', target: at(121.5057, 31.2453) }, 'OUT_OF_AREA'],
]

describe.each([
  ['located by household', householdRows],
  ['located by point', pointRows],
])('routeRequest on the demo street: %s', (_group, rows) => {
  test.each(rows)('%s', (_name, input, expected) => {
    const outcome = routeRequest(index, input)
    if (typeof expected === 'string') return expect(outcome).toEqual({ ok: false, reason: expected })
    expect(outcome).toEqual({ ok: true, decision: { ...expected, category: input.category } })
    if (outcome.ok) expect(RouteDecision.parse(outcome.decision)).toEqual(outcome.decision)
  })
})

describe('routeRequest on variants of the demo street', () => {
  const variant = (change: (s: DirectorySnapshot) => void) => {
    const snapshot = structuredClone(demoSeed)
    change(snapshot)
    return buildDirectoryIndex(snapshot)
  }
  const unstaffed = variant((s) => s.grids.filter((g) => g.communityId === 'comm-kangle').forEach((g) => (g.workerIds = [])))

  test.each<[Category, string | null, string, string]>([
    ['hazard', null, 'communityQueue', 'hazard→communityQueue (unresolved)'],
    ['property', null, 'communityQueue', 'property→communityQueue (unresolved)'],
    ['elderly', 'demo-elderly-kangle', 'elderlyServices', 'elderly→elderlyServices'],
  ])('a grid with no worker: %s → %s', (category, handlerId, handlerRole, classifyRule) => {
    const outcome = routeRequest(unstaffed, { category, target: home(seedHousehold('bldg-kl-3', '201')) })
    expect(outcome).toMatchObject({ ok: true, decision: { gridId: 'grid-kangle-1', handlerId, handlerRole, classifyRule } })
  })

  test('two grids of equal area over the same point: the lower _id wins', () => {
    const square = [[[121.44, 31.19], [121.45, 31.19], [121.45, 31.2], [121.44, 31.2]]] as [number, number][][]
    const twins = variant((s) => {
      s.grids = [
        { ...s.grids[0], _id: 'grid-twin-b', boundary: square },
        { ...s.grids[0], _id: 'grid-twin-a', boundary: square },
      ]
    })
    const outcome = routeRequest(twins, { category: 'hazard', target: at(121.445, 31.195) })
    expect(outcome).toMatchObject({ ok: true, decision: { gridId: 'grid-twin-a', locateRule: 'point-overlap-smaller' } })
  })
})

test('the category matrix has a cell for every category, each closed by the grid worker (首接负责)', () => {
  expect(Object.keys(categoryMatrix).sort()).toEqual([...Category.options].sort())
  for (const roles of Object.values(categoryMatrix)) expect(roles.at(-1)).toBe('gridWorker')
})
