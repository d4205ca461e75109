import { failure } from '@/types'
import { household, whoami } from '../component/support/fixtures'
import type { PageInstance } from './support/page-bridge'
import { councilQueues } from './support/fixtures'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

const gridWorker = whoami({ name: '网格员周丽', userId: 'staff-zhou', roles: ['resident', 'gridWorker'], household, scopes: { gridIds: ['grid-kangle-1'], communityIds: [], streetIds: [], branchIds: [] } })
const currentPages = () => (globalThis as unknown as { getCurrentPages: () => PageInstance[] }).getCurrentPages()

// Taro.navigateTo and friends call these same wx functions; a fake that let a wrong route through
// would hide the bug WeChat shows the resident as a dead tap.
describe('routing refuses what WeChat refuses, in its words', () => {
  beforeEach(async () => {
    weapp.answer({ directory: { whoami: whoami() } })
    await weapp.launch('/pages-resident/help/index')
  })

  test('navigateTo and redirectTo onto a tab page', async () => {
    await expect(weapp.callWx('navigateTo', { url: '/pages/mine/index' })).rejects.toEqual({ errMsg: 'navigateTo:fail can not navigateTo a tabbar page' })
    await expect(weapp.callWx('redirectTo', { url: '/pages/home/index' })).rejects.toEqual({ errMsg: 'redirectTo:fail can not redirectTo a tabbar page' })
    expect(weapp.stack()).toEqual(['pages-resident/help/index'])
  })

  test('a page that is not in app.json, in the main package or a subpackage', async () => {
    await expect(weapp.callWx('navigateTo', { url: '/pages/nowhere/index' })).rejects.toEqual({ errMsg: 'navigateTo:fail page "pages/nowhere/index" is not found' })
    await expect(weapp.callWx('navigateTo', { url: '/pages-staff/nowhere/index' })).rejects.toEqual({ errMsg: 'navigateTo:fail page "pages-staff/nowhere/index" is not found' })
    // The H5 build's demo sign-in is left out of the mini-program's app.json.
    await expect(weapp.callWx('navigateTo', { url: '/pages/sign-in/index' })).rejects.toEqual({ errMsg: 'navigateTo:fail page "pages/sign-in/index" is not found' })
  })

  test('switchTab onto a page that is not a tab, and back from the first page', async () => {
    await expect(weapp.callWx('switchTab', { url: '/pages/requests/index' })).rejects.toEqual({ errMsg: 'switchTab:fail can not switch to no-tabBar page' })
    await expect(weapp.callWx('navigateBack')).rejects.toEqual({ errMsg: 'navigateBack:fail cannot navigate back at first page.' })
  })
})

describe('routing that WeChat allows', () => {
  test('a tap into 工作台 loads the staff subpackage page on top of 我的', async () => {
    weapp.answer({
      directory: { whoami: gridWorker, listBindingRequests: [], listPartyRegistrations: [] },
      requests: { inboxCounts: { overdue: 0, toAccept: 0, inHand: 0, awaitingRating: 0, review: null } },
      wishes: { listForReview: { items: [], nextCursor: null }, branchOverview: failure('FORBIDDEN') },
      council: councilQueues.gridWorker,
    })
    const mine = await weapp.launch('/pages/mine/index')
    await mine.tap('工作台')
    const workbench = await weapp.page('pages-staff/workbench/index')
    await workbench.find('诉求收件箱')
    expect(weapp.stack()).toEqual(['pages/mine/index', 'pages-staff/workbench/index'])
    expect(workbench.title).toBe('工作台')
    expect(currentPages().map((page) => page.route)).toEqual(['pages/mine/index', 'pages-staff/workbench/index'])
    expect(weapp.cloudCalls('directory', 'listBindingRequests')).toEqual([{ name: 'directory', action: 'listBindingRequests', input: { status: 'pending' } }])
  })

  test('switchTab closes the pages above and keeps an opened tab page alive', async () => {
    weapp.answer({ directory: { whoami: whoami() } })
    const home = await weapp.launch('/pages/home/index')
    const homeInstance = currentPages()[0]
    await home.tap('有困难找居村')
    await weapp.page('pages-resident/help/index')
    await weapp.callWx('switchTab', { url: '/pages/mine/index' })
    expect(weapp.stack()).toEqual(['pages/mine/index'])
    await weapp.callWx('switchTab', { url: '/pages/home/index?ignored=1' })
    expect(weapp.stack()).toEqual(['pages/home/index'])
    expect(currentPages()[0]).toBe(homeInstance)
  })

  test('onLoad gets the query as WeChat parses it: still encoded, and a bare key reads "undefined"', async () => {
    // The 巡查 form is a staff page: it first asks who is here.
    weapp.answer({ directory: { whoami: gridWorker } })
    await weapp.launch('/pages-staff/file/index?kind=proactive&note=%E5%B7%A1%E6%9F%A5&flag')
    const page = await weapp.page('pages-staff/file/index')
    expect(page.query).toEqual({ kind: 'proactive', note: '%E5%B7%A1%E6%9F%A5', flag: 'undefined' })
    await page.find('巡查发现（主动治理）')
  })

  test('a subscribe message sent before 党员报到 moved to its subpackage still opens it', async () => {
    weapp.answer({ directory: { whoami: whoami(), listBranches: [{ id: 'branch-grid-kangle-1', name: '康乐一网格党支部', level: 'grid', parentId: 'branch-comm-kangle' }] } })
    await weapp.launch('/pages/party/index')
    const party = await weapp.page('pages-resident/party/index')
    await party.find('康乐一网格党支部')
    expect(weapp.stack()).toEqual(['pages-resident/party/index'])
  })
})
