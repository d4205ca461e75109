import { createHash } from 'node:crypto'
import type { Building, Household } from '../../types/directory.schema'

const KANGLE = 'comm-kangle'
const CUIHU = 'comm-cuihu'
const ZHANGJIA = 'comm-zhangjia'

/** 翠湖苑's property company answers for every building of the estate (categoryMatrix: property). */
export const CUIHU_PROPERTY_CONTACT = 'demo-property-cuihu'

type Row = [id: string, gridId: string, communityId: string, estate: string, name: string, lng: number, lat: number, floors: number, perFloor: number]

/**
 * Five buildings per grid, each placed inside its own grid (demo-seed.test.ts checks it), clear of
 * 翠湖一网格's school hole and of the 康乐二/四 overlap so every building has one unambiguous grid.
 * Floors × flats per floor give the rooms; village courtyards are two-storey houses.
 */
const rows: Row[] = [
  ['bldg-kl-1', 'grid-kangle-1', KANGLE, '康乐小区', '1号楼', 121.4334, 31.1851, 6, 2],
  ['bldg-kl-2', 'grid-kangle-1', KANGLE, '康乐小区', '2号楼', 121.4384, 31.1844, 4, 2],
  ['bldg-kl-3', 'grid-kangle-1', KANGLE, '康乐小区', '3号楼', 121.4358, 31.1886, 6, 2],
  ['bldg-kl-4', 'grid-kangle-1', KANGLE, '康乐小区', '4号楼', 121.4337, 31.1927, 4, 2],
  ['bldg-kl-5', 'grid-kangle-1', KANGLE, '康乐小区', '5号楼', 121.4386, 31.1918, 6, 2],
  ['bldg-kl-6', 'grid-kangle-2', KANGLE, '康乐小区', '6号楼', 121.4335, 31.1982, 4, 2],
  ['bldg-kl-7', 'grid-kangle-2', KANGLE, '康乐小区', '7号楼', 121.439, 31.1975, 6, 2],
  ['bldg-kl-8', 'grid-kangle-2', KANGLE, '康乐小区', '8号楼', 121.4361, 31.2017, 4, 2],
  ['bldg-kl-9', 'grid-kangle-2', KANGLE, '康乐小区', '9号楼', 121.4338, 31.2055, 6, 2],
  ['bldg-kl-10', 'grid-kangle-2', KANGLE, '康乐小区', '10号楼', 121.4393, 31.2047, 4, 2],
  ['bldg-cq-1', 'grid-kangle-3', KANGLE, '长桥新村', '1号', 121.4424, 31.1852, 5, 2],
  ['bldg-cq-2', 'grid-kangle-3', KANGLE, '长桥新村', '2号', 121.4472, 31.1846, 3, 2],
  ['bldg-cq-3', 'grid-kangle-3', KANGLE, '长桥新村', '3号', 121.4447, 31.1887, 5, 2],
  ['bldg-cq-4', 'grid-kangle-3', KANGLE, '长桥新村', '4号', 121.4427, 31.1926, 3, 2],
  ['bldg-cq-5', 'grid-kangle-3', KANGLE, '长桥新村', '5号', 121.4474, 31.1917, 5, 2],
  ['bldg-cq-6', 'grid-kangle-4', KANGLE, '长桥新村', '6号', 121.4435, 31.1976, 3, 2],
  ['bldg-cq-7', 'grid-kangle-4', KANGLE, '长桥新村', '7号', 121.4477, 31.1969, 5, 2],
  ['bldg-cq-8', 'grid-kangle-4', KANGLE, '长桥新村', '8号', 121.4451, 31.2012, 3, 2],
  ['bldg-cq-9', 'grid-kangle-4', KANGLE, '长桥新村', '9号', 121.4431, 31.2052, 5, 2],
  ['bldg-cq-10', 'grid-kangle-4', KANGLE, '长桥新村', '10号', 121.4479, 31.2043, 3, 2],
  ['bldg-ch-1', 'grid-cuihu-1', CUIHU, '翠湖苑', '1号楼', 121.4518, 31.1849, 6, 2],
  ['bldg-ch-2', 'grid-cuihu-1', CUIHU, '翠湖苑', '2号楼', 121.4567, 31.1842, 4, 2],
  ['bldg-ch-3', 'grid-cuihu-1', CUIHU, '翠湖苑', '3号楼', 121.4548, 31.1905, 6, 2],
  ['bldg-ch-4', 'grid-cuihu-1', CUIHU, '翠湖苑', '4号楼', 121.4521, 31.1927, 4, 2],
  ['bldg-ch-5', 'grid-cuihu-1', CUIHU, '翠湖苑', '5号楼', 121.4569, 31.1919, 6, 2],
  ['bldg-ch-6', 'grid-cuihu-2', CUIHU, '翠湖苑', '6号楼', 121.4515, 31.1984, 4, 2],
  ['bldg-ch-7', 'grid-cuihu-2', CUIHU, '翠湖苑', '7号楼', 121.4564, 31.1977, 6, 2],
  ['bldg-ch-8', 'grid-cuihu-2', CUIHU, '翠湖苑', '8号楼', 121.4538, 31.2019, 4, 2],
  ['bldg-ch-9', 'grid-cuihu-2', CUIHU, '翠湖苑', '9号楼', 121.4518, 31.2057, 6, 2],
  ['bldg-ch-10', 'grid-cuihu-2', CUIHU, '翠湖苑', '10号楼', 121.4566, 31.2049, 4, 2],
  ['bldg-zj-1', 'grid-zhangjia-1', ZHANGJIA, '张家宅', '张家宅1号', 121.4608, 31.185, 2, 2],
  ['bldg-zj-2', 'grid-zhangjia-1', ZHANGJIA, '张家宅', '张家宅5号', 121.4657, 31.1843, 2, 3],
  ['bldg-zj-3', 'grid-zhangjia-1', ZHANGJIA, '张家宅', '张家宅9号', 121.4631, 31.1884, 2, 2],
  ['bldg-zj-4', 'grid-zhangjia-1', ZHANGJIA, '张家宅', '张家宅12号', 121.4611, 31.1923, 2, 3],
  ['bldg-zj-5', 'grid-zhangjia-1', ZHANGJIA, '张家宅', '张家宅18号', 121.4659, 31.1915, 2, 2],
  ['bldg-lj-1', 'grid-zhangjia-2', ZHANGJIA, '李家宅', '李家宅2号', 121.4608, 31.1979, 2, 2],
  ['bldg-lj-2', 'grid-zhangjia-2', ZHANGJIA, '李家宅', '李家宅6号', 121.4655, 31.1972, 2, 3],
  ['bldg-lj-3', 'grid-zhangjia-2', ZHANGJIA, '李家宅', '李家宅11号', 121.4631, 31.2014, 2, 2],
  ['bldg-lj-4', 'grid-zhangjia-2', ZHANGJIA, '李家宅', '李家宅15号', 121.4611, 31.2053, 2, 3],
  ['bldg-lj-5', 'grid-zhangjia-2', ZHANGJIA, '李家宅', '李家宅20号', 121.4657, 31.2045, 2, 2],
]

/** 楼栋党小组 where the building has enough members to form one. */
const partyGroups: Record<string, string> = {
  'bldg-kl-3': 'br-bldg-kl-3',
  'bldg-cq-2': 'br-bldg-cq-2',
  'bldg-ch-6': 'br-bldg-ch-6',
  'bldg-zj-1': 'br-bldg-zj-1',
}

export const buildings: Building[] = rows.map(([_id, gridId, communityId, estate, name, lng, lat]) => ({
  _id,
  gridId,
  communityId,
  estate,
  name,
  location: { lng, lat },
  ...(partyGroups[_id] ? { partyGroupId: partyGroups[_id] } : {}),
  ...(estate === '翠湖苑' ? { propertyContactId: CUIHU_PROPERTY_CONTACT } : {}),
}))

/**
 * Floor areas (专有部分面积, m², what 民法典 art. 278 weighs an owner's vote by), by kind of estate:
 * 1980s 老公房 flats of 45–65 m², 商品房 of 85–140 m², two-storey village houses of 150–210 m². Each flat
 * of a stair differs a little from the next, to two decimals, as a 房产证 states it.
 */
const areaRanges: Record<string, [min: number, span: number]> = { 康乐小区: [45, 20], 长桥新村: [48, 17], 翠湖苑: [85, 55] }
const VILLAGE: [number, number] = [150, 60]
const areaOf = (estate: string, floor: number, flat: number): number => {
  const [min, span] = areaRanges[estate] ?? VILLAGE
  return Math.round((min + ((floor * 7 + flat * 13) % 17) / 17 * span) * 100) / 100
}

/** Rooms 101, 102, 201 … in stair order: floor, then flat number. */
export const households: Household[] = rows.flatMap(([buildingId, , , estate, , , , floors, perFloor]) =>
  Array.from({ length: floors * perFloor }, (_, k) => {
    const floor = Math.floor(k / perFloor) + 1
    const flat = (k % perFloor) + 1
    const room = `${floor}0${flat}`
    return { _id: householdId(buildingId, room), buildingId, room, area: areaOf(estate, floor, flat) }
  }),
)

/**
 * A household's id, opaque (issue 10, 3): `hh-kl-4-302` named the door beside a masked room. Derived,
 * not drawn, so every process that loads the seed (the host, the tests, the benches) agrees on it. It
 * is no secret — the building's room list maps any id to its room — so the protection is that no
 * answer hands an id to a caller who may not see the room; the id only stops saying it by itself.
 */
export function householdId(buildingId: string, room: string): string {
  return `hh-${createHash('sha256').update(`jucun-demo-household\n${buildingId}\n${room}`).digest('hex').slice(0, 16)}`
}

/** The seed's household in this building with this room: how tests and benches name a demo door. */
export function seedHousehold(buildingId: string, room: string): string {
  const found = households.find((h) => h.buildingId === buildingId && h.room === room)
  if (!found) throw new Error(`the demo seed has no room ${room} in ${buildingId}`)
  return found._id
}
