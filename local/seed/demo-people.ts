import type { Role } from '../../types/directory.actions'
import { householdId } from './demo-buildings'
import type { PartyMembership, StaffRoles, User } from '../../types/directory.schema'

/** Every demo user was created at 2025-01-01T00:00:00Z: a constant, so seeding twice gives the same data. */
export const DEMO_CREATED_AT = 1_735_689_600_000

const verified = (branchId: string): PartyMembership => ({ branchId, status: 'verified', verifiedAt: DEMO_CREATED_AT })

type Person = [id: string, name: string, phone: string | null, staff: StaffRoles, householdId: string | null, party: PartyMembership | null]

/** Who among the bound rents or lives with family rather than owns (民法典 art. 278 counts owners only); everyone else bound owns their home. */
const occupants = new Set(['demo-resident-b'])

/**
 * Staff posts' work phones (the number a resident rings: their grid worker, their request's owner),
 * distinct from everyone's personal `phone`, which no resident is ever shown.
 */
const workPhones: Record<string, string> = {
  'demo-worker-kangle-a': '021-64010011',
  'demo-worker-kangle-b': '021-64010012',
  'demo-worker-cuihu': '021-64020013',
  'demo-worker-cuihu-2': '021-64020014',
  'demo-worker-zhangjia': '021-64030015',
  'demo-committee-kangle': '021-64010021',
  'demo-committee-cuihu': '021-64020022',
  'staff-zhangjia-committee': '021-64030023',
  'demo-elderly-kangle': '021-64010024',
  'demo-street-admin': '021-64000031',
  'demo-property-cuihu': '021-64020041',
}

/** The `_id` is the OPENID the local function host signs in as (demo sign-in). */
const people: Person[] = [
  ['demo-resident-unbound', '新居民小林', null, {}, null, null],
  ['demo-resident-a', '康乐居民王阿姨', '13800000001', {}, householdId('bldg-kl-3', '201'), null],
  ['demo-resident-b', '翠湖居民陈先生', '13800000002', {}, householdId('bldg-ch-6', '302'), null],
  ['demo-resident-c', '长桥居民赵阿婆', '13800000005', {}, householdId('bldg-cq-3', '302'), null],
  ['demo-party-member', '党员刘建华', '13800000003', {}, householdId('bldg-cq-2', '201'), { ...verified('br-grid-kangle-3'), workplace: '徐汇区图书馆' }],
  ['demo-branch-secretary', '支部书记陈志明', '13800000004', {}, householdId('bldg-cq-1', '101'), verified('br-grid-kangle-3')],
  ['demo-worker-kangle-a', '网格员周丽', '13800000011', { gridWorker: { gridIds: ['grid-kangle-1', 'grid-kangle-2'] } }, null, null],
  ['demo-worker-kangle-b', '网格员吴强', '13800000012', { gridWorker: { gridIds: ['grid-kangle-3', 'grid-kangle-4'] } }, null, null],
  ['demo-worker-cuihu', '网格员孙婷', '13800000013', { gridWorker: { gridIds: ['grid-cuihu-1', 'grid-cuihu-2'] } }, null, null],
  ['demo-worker-cuihu-2', '网格员郑浩', '13800000014', { gridWorker: { gridIds: ['grid-cuihu-1'] } }, null, null],
  ['demo-worker-zhangjia', '网格员马红', '13800000015', { gridWorker: { gridIds: ['grid-zhangjia-1', 'grid-zhangjia-2'] } }, null, null],
  // 一肩挑: the committee director is also the secretary of the community's 大党委.
  ['demo-committee-kangle', '康乐社区黄主任', '13800000021', { committee: { communityIds: ['comm-kangle'] } }, null, verified('br-comm-kangle')],
  ['demo-committee-cuihu', '翠湖社区林书记', '13800000022', { committee: { communityIds: ['comm-cuihu'] } }, null, verified('br-comm-cuihu')],
  ['staff-zhangjia-committee', '张家村张书记', '13800000023', { committee: { communityIds: ['comm-zhangjia'] } }, null, verified('br-comm-zhangjia')],
  ['demo-elderly-kangle', '为老服务社工钱敏', '13800000024', { committee: { communityIds: ['comm-kangle'] } }, null, null],
  ['demo-street-admin', '街道干部何处长', '13800000031', { streetAdmin: { streetIds: ['street-hubin'] } }, null, verified('br-street')],
  ['demo-property-cuihu', '翠湖苑物业徐经理', '13800000041', {}, null, null],
  // Secretaries of the other grid branches and 楼栋党小组 (not sign-in personas).
  ['member-kangle-1', '王建国', '13800000051', {}, householdId('bldg-kl-3', '501'), verified('br-grid-kangle-1')],
  ['member-kangle-2', '李秀英', '13800000052', {}, householdId('bldg-kl-7', '201'), verified('br-grid-kangle-2')],
  ['member-kangle-3', '周国庆', '13800000058', {}, householdId('bldg-cq-2', '101'), verified('br-grid-kangle-3')],
  ['member-kangle-4', '张桂兰', '13800000053', {}, householdId('bldg-cq-8', '102'), verified('br-grid-kangle-4')],
  ['member-cuihu-1', '刘洋', '13800000054', {}, householdId('bldg-ch-2', '401'), verified('br-grid-cuihu-1')],
  ['member-cuihu-2', '赵敏', '13800000055', {}, householdId('bldg-ch-6', '101'), verified('br-grid-cuihu-2')],
  ['member-zhangjia-1', '张福根', '13800000056', {}, householdId('bldg-zj-1', '101'), verified('br-grid-zhangjia-1')],
  ['member-zhangjia-2', '李阿大', '13800000057', {}, householdId('bldg-lj-2', '101'), verified('br-grid-zhangjia-2')],
]

export const users: User[] = people.map(([_id, name, phone, staff, householdId, party]) => ({
  _id,
  name,
  ...(phone ? { phone } : {}),
  ...(workPhones[_id] ? { workPhone: workPhones[_id] } : {}),
  staff,
  ...(householdId ? { householdId, tenure: occupants.has(_id) ? ('occupant' as const) : ('owner' as const) } : {}),
  ...(party ? { party } : {}),
  createdAt: DEMO_CREATED_AT,
}))

export type Persona = { openid: string; label: string; description: string; roles: Role[] }

/** The demo sign-in list: one person per role, with what they can try in the demo. */
export const personas: Persona[] = [
  { openid: 'demo-resident-unbound', label: '新居民（未绑定）', description: '刚打开小程序的居民：可提诉求、发微心愿、看公开议题，可申请绑定房屋', roles: ['resident'] },
  { openid: 'demo-resident-a', label: '康乐居民（已认证）', description: '康乐小区3号楼201的认证居民：诉求按房屋自动派到康乐一网格，可投票、联署议题', roles: ['resident', 'verifiedResident'] },
  { openid: 'demo-resident-b', label: '翠湖居民（已认证）', description: '翠湖苑6号楼302的认证居民（租户）：物业诉求直达翠湖苑物业；业主共同决定的议题他不能投票', roles: ['resident', 'verifiedResident'] },
  { openid: 'demo-resident-c', label: '长桥居民（独居老人）', description: '长桥新村3号302的认证居民，独居：微心愿交给康乐三网格党支部，党员刘建华可以认领', roles: ['resident', 'verifiedResident'] },
  { openid: 'demo-party-member', label: '在职党员', description: '长桥新村2号的党员中心户，已在康乐三网格党支部报到：可认领本支部的微心愿', roles: ['resident', 'verifiedResident', 'partyMember'] },
  { openid: 'demo-branch-secretary', label: '网格党支部书记', description: '康乐三网格党支部书记：审核本支部的党员报到，查看支部任务', roles: ['resident', 'verifiedResident', 'partyMember', 'branchSecretary'] },
  { openid: 'demo-worker-kangle-a', label: '网格员（康乐一、二网格）', description: '康乐一、二网格的网格员：首接负责本网格的诉求，办理、回复、吹哨', roles: ['resident', 'gridWorker'] },
  { openid: 'demo-worker-kangle-b', label: '网格员（康乐三、四网格）', description: '康乐三、四网格的网格员：办理本网格诉求', roles: ['resident', 'gridWorker'] },
  { openid: 'demo-worker-cuihu', label: '网格员（翠湖）', description: '翠湖一、二网格的网格员；翠湖一网格本周由郑浩值班', roles: ['resident', 'gridWorker'] },
  { openid: 'demo-worker-cuihu-2', label: '值班网格员（翠湖一网格）', description: '翠湖一网格本周的值班网格员：新诉求派给他', roles: ['resident', 'gridWorker'] },
  { openid: 'demo-worker-zhangjia', label: '网格员（张家村）', description: '张家村两个网格的网格员：村里的诉求和物业类诉求都先到她', roles: ['resident', 'gridWorker'] },
  { openid: 'demo-committee-kangle', label: '康乐社区居委会', description: '康乐社区主任兼大党委书记：审核房屋绑定、微心愿，发起议题，改派督办，看社区看板', roles: ['resident', 'partyMember', 'branchSecretary', 'committee'] },
  { openid: 'demo-committee-cuihu', label: '翠湖社区居委会', description: '翠湖社区书记：审核本社区的绑定与微心愿，发起议题', roles: ['resident', 'partyMember', 'branchSecretary', 'committee'] },
  { openid: 'demo-elderly-kangle', label: '为老服务社工（康乐）', description: '康乐社区为老服务岗：为老服务类诉求直接派给她', roles: ['resident', 'committee'] },
  { openid: 'demo-property-cuihu', label: '物业联系人（翠湖苑）', description: '翠湖苑物业经理：翠湖苑的物业类诉求派给他', roles: ['resident'] },
  { openid: 'demo-street-admin', label: '街道管理员', description: '湖滨街道干部、大工委书记：全街道数据，接收吹哨报到', roles: ['resident', 'partyMember', 'branchSecretary', 'streetAdmin'] },
]
