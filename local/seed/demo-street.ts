import type { Branch, BranchLevel, Community, Grid, Street } from '../../types/directory.schema'
import { buildings, householdId, households } from './demo-buildings'
import { gridBoundaries } from './demo-geometry'
import { users } from './demo-people'

export { personas, DEMO_CREATED_AT, type Persona } from './demo-people'

/**
 * 湖滨街道 (fictional, placed in Xuhui around 121.43–121.47 E, 31.18–31.21 N, GCJ-02): the one
 * deterministic fixture behind the demo, the unit and integration tests and the browser tests.
 */
const streets: Street[] = [{ _id: 'street-hubin', name: '湖滨街道' }]

const communities: Community[] = [
  {
    _id: 'comm-kangle',
    streetId: 'street-hubin',
    name: '康乐社区',
    type: '老公房',
    needs: ['多层老公房加装电梯', '独居高龄老人助餐与探访', '楼道堆物与飞线充电整治', '夜间停车难'],
    resources: ['社区长者食堂', '睦邻点4处', '退休教师志愿者队伍', '社区卫生服务站康乐分站'],
    services: ['老年助餐送餐上门', '独居老人每日电话问候', '加装电梯意见征询与协调', '周末便民修理'],
    posts: { elderlyServices: 'demo-elderly-kangle', general: 'demo-committee-kangle' },
    councilRoles: { ownersCommittee: ['member-kangle-1'], residentReps: ['demo-resident-a'] },
    hotline: '021-64010001',
  },
  {
    _id: 'comm-cuihu',
    streetId: 'street-hubin',
    name: '翠湖社区',
    type: '商品房',
    needs: ['物业服务质量与收费公开', '双职工家庭课后托管', '文明养宠', '电动自行车集中充电'],
    resources: ['业主委员会', '小区会所活动室', '党员律师工作室', '在职党员双报到单位3家'],
    services: ['四点半课堂', '物业矛盾三方调解', '每月法律咨询日', '垃圾分类定时定点指导'],
    posts: { general: 'demo-committee-cuihu' },
    councilRoles: { ownersCommittee: ['member-cuihu-2'], residentReps: [] },
    hotline: '021-64020002',
  },
  {
    _id: 'comm-zhangjia',
    streetId: 'street-hubin',
    name: '张家村',
    type: '农村宅基',
    needs: ['村内河道保洁与整治', '老旧农房安全', '外来租户登记管理', '老人就医出行'],
    resources: ['村民议事会', '村集体经济合作社', '乡贤理事会', '村卫生室'],
    services: ['出租屋信息登记', '河长每周巡河', '助老就医接送', '农房安全季度排查'],
    posts: {},
    hotline: '021-64030003',
  },
]

type GridRow = [id: string, communityId: string, name: string, workerIds: string[], onDuty?: string]
const gridRows: GridRow[] = [
  ['grid-kangle-1', 'comm-kangle', '康乐一网格', ['demo-worker-kangle-a']],
  ['grid-kangle-2', 'comm-kangle', '康乐二网格', ['demo-worker-kangle-a']],
  ['grid-kangle-3', 'comm-kangle', '康乐三网格', ['demo-worker-kangle-b']],
  ['grid-kangle-4', 'comm-kangle', '康乐四网格', ['demo-worker-kangle-b']],
  // 孙婷 heads the rota but 郑浩 holds this week's duty: onDuty overrides the rota order.
  ['grid-cuihu-1', 'comm-cuihu', '翠湖一网格', ['demo-worker-cuihu', 'demo-worker-cuihu-2'], 'demo-worker-cuihu-2'],
  ['grid-cuihu-2', 'comm-cuihu', '翠湖二网格', ['demo-worker-cuihu']],
  ['grid-zhangjia-1', 'comm-zhangjia', '张家宅网格', ['demo-worker-zhangjia']],
  ['grid-zhangjia-2', 'comm-zhangjia', '李家宅网格', ['demo-worker-zhangjia']],
]

const grids: Grid[] = gridRows.map(([_id, communityId, name, workerIds, onDuty]) => ({
  _id,
  communityId,
  name,
  boundary: gridBoundaries[_id],
  workerIds,
  ...(onDuty ? { onDuty } : {}),
  branchId: `br-${_id}`,
}))

type BranchRow = [id: string, level: BranchLevel, parentId: string | null, name: string, unitId: string, secretaryId: string | null]
/** 街道大工委 → 社区大党委 → 网格党支部 → 楼栋党小组 → 党员中心户. */
const branchRows: BranchRow[] = [
  ['br-street', 'street', null, '湖滨街道大工委', 'street-hubin', 'demo-street-admin'],
  ['br-comm-kangle', 'community', 'br-street', '康乐社区大党委', 'comm-kangle', 'demo-committee-kangle'],
  ['br-comm-cuihu', 'community', 'br-street', '翠湖社区大党委', 'comm-cuihu', 'demo-committee-cuihu'],
  ['br-comm-zhangjia', 'community', 'br-street', '张家村大党委', 'comm-zhangjia', 'staff-zhangjia-committee'],
  ['br-grid-kangle-1', 'grid', 'br-comm-kangle', '康乐一网格党支部', 'grid-kangle-1', 'member-kangle-1'],
  ['br-grid-kangle-2', 'grid', 'br-comm-kangle', '康乐二网格党支部', 'grid-kangle-2', 'member-kangle-2'],
  ['br-grid-kangle-3', 'grid', 'br-comm-kangle', '康乐三网格党支部', 'grid-kangle-3', 'demo-branch-secretary'],
  ['br-grid-kangle-4', 'grid', 'br-comm-kangle', '康乐四网格党支部', 'grid-kangle-4', 'member-kangle-4'],
  ['br-grid-cuihu-1', 'grid', 'br-comm-cuihu', '翠湖一网格党支部', 'grid-cuihu-1', 'member-cuihu-1'],
  ['br-grid-cuihu-2', 'grid', 'br-comm-cuihu', '翠湖二网格党支部', 'grid-cuihu-2', 'member-cuihu-2'],
  ['br-grid-zhangjia-1', 'grid', 'br-comm-zhangjia', '张家宅网格党支部', 'grid-zhangjia-1', 'member-zhangjia-1'],
  ['br-grid-zhangjia-2', 'grid', 'br-comm-zhangjia', '李家宅网格党支部', 'grid-zhangjia-2', 'member-zhangjia-2'],
  ['br-bldg-kl-3', 'building', 'br-grid-kangle-1', '康乐小区3号楼党小组', 'bldg-kl-3', 'member-kangle-1'],
  ['br-bldg-cq-2', 'building', 'br-grid-kangle-3', '长桥新村2号党小组', 'bldg-cq-2', 'member-kangle-3'],
  ['br-bldg-ch-6', 'building', 'br-grid-cuihu-2', '翠湖苑6号楼党小组', 'bldg-ch-6', 'member-cuihu-2'],
  ['br-bldg-zj-1', 'building', 'br-grid-zhangjia-1', '张家宅党小组', 'bldg-zj-1', 'member-zhangjia-1'],
  // A 党员中心户 is one member's home, named after them: it has no secretary to appoint.
  [`br-${householdId('bldg-kl-3', '501')}`, 'household', 'br-bldg-kl-3', '王建国党员中心户', householdId('bldg-kl-3', '501'), null],
  [`br-${householdId('bldg-cq-2', '201')}`, 'household', 'br-bldg-cq-2', '刘建华党员中心户', householdId('bldg-cq-2', '201'), null],
  [`br-${householdId('bldg-zj-1', '101')}`, 'household', 'br-bldg-zj-1', '张福根党员中心户', householdId('bldg-zj-1', '101'), null],
]

const branches: Branch[] = branchRows.map(([_id, level, parentId, name, unitId, secretaryId]) => ({
  _id,
  level,
  parentId,
  name,
  unitId,
  ...(secretaryId ? { secretaryId } : {}),
}))

export const demoSeed = { streets, communities, grids, buildings, households, branches, users }
export type DemoSeed = typeof demoSeed
