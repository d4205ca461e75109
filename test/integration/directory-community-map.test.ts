import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'

let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

describe('the offline map and the lists it shares its order with', () => {
  test("a bound resident's map is her community's grids and buildings, her own building marked, nobody's rooms", async () => {
    const map = expectOk(await cloud.call('demo-resident-a', 'directory', 'communityMap', {}))
    expect(map).toMatchObject({ communityId: 'comm-kangle', communityName: '康乐社区', homeBuildingId: 'bldg-kl-3' })
    expect(map.grids.map((g) => g.name)).toEqual(['康乐一网格', '康乐二网格', '康乐三网格', '康乐四网格'])
    expect(map.grids[0].boundary[0].length).toBeGreaterThanOrEqual(3)
    expect(map.buildings.filter((b) => b.estate === '康乐小区').map((b) => b.name)).toEqual(['1号楼', '2号楼', '3号楼', '4号楼', '5号楼', '6号楼', '7号楼', '8号楼', '9号楼', '10号楼'])
    expect(map.communities.map((c) => c.name)).toEqual(expect.arrayContaining(['康乐社区', '翠湖社区', '张家村']))
    // Public geometry only: no household, room, person or phone anywhere in the answer.
    expect(JSON.stringify(map)).not.toMatch(/hh-|room|phone|demo-/)
  })

  test('a point picks the community it lies in; another community can be asked for by id', async () => {
    const nearCuihu = expectOk(await cloud.call('demo-resident-unbound', 'directory', 'communityMap', { near: { lng: 121.4548, lat: 31.1905 } }))
    expect(nearCuihu).toMatchObject({ communityId: 'comm-cuihu', homeBuildingId: null })
    const zhangjia = expectOk(await cloud.call('demo-resident-a', 'directory', 'communityMap', { communityId: 'comm-zhangjia' }))
    expect(zhangjia).toMatchObject({ communityId: 'comm-zhangjia', homeBuildingId: null })
    expect(await cloud.call('demo-resident-a', 'directory', 'communityMap', { communityId: 'comm-nowhere' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  test('branches and grids come in natural order: 一 before 二, 三, 四', async () => {
    const branches = expectOk(await cloud.call('demo-resident-unbound', 'directory', 'listBranches', { communityId: 'comm-kangle' }))
    const gridBranches = branches.filter((b) => b.level === 'grid').map((b) => b.name)
    expect(gridBranches).toEqual(['康乐一网格党支部', '康乐二网格党支部', '康乐三网格党支部', '康乐四网格党支部'])
    const grids = expectOk(await cloud.call('demo-resident-unbound', 'directory', 'listGrids', { communityId: 'comm-kangle' }))
    expect(grids.map((g) => g.name)).toEqual(['康乐一网格', '康乐二网格', '康乐三网格', '康乐四网格'])
    const buildings = expectOk(await cloud.call('demo-resident-unbound', 'directory', 'listBuildings', { communityId: 'comm-kangle' }))
    expect(buildings.filter((b) => b.estate === '康乐小区').map((b) => b.name)).toEqual(['1号楼', '2号楼', '3号楼', '4号楼', '5号楼', '6号楼', '7号楼', '8号楼', '9号楼', '10号楼'])
  })
})
