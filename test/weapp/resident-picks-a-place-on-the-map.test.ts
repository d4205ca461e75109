import { project, projectionOf } from '../../src/features/map/map-scene'
import { whoami } from '../component/support/fixtures'
import { kangleMap } from '../component/support/map-fixture'
import { routeDecision } from './support/fixtures'
import { propertiesOf, type SimElement } from './support/simulator'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

const point = { lng: 121.4334, lat: 31.1851 }

/** The SVG the mini-program's <image> shows in the block around `words`, decoded from its data URI. */
function drawingNear(words: SimElement): string {
  let block = words.parentElement
  while (block && !block.querySelector('wx-image')) block = block.parentElement
  const src = String(propertiesOf(block?.querySelector('wx-image') as SimElement).src)
  expect(src).toMatch(/^data:image\/svg\+xml;base64,/)
  return Buffer.from(src.split(',')[1], 'base64').toString('utf8')
}

// A resident who has not bound a household files from a point on WeChat's map (wx.chooseLocation).
test('a resident without a household picks the place on the map, sees it on the community drawing and who will own it', async () => {
  const map = kangleMap()
  weapp.answer({
    directory: { whoami: whoami(), communityMap: map, route: routeDecision({ category: 'environment', locateRule: 'point-in-grid', buildingId: null }) },
    // Issue 10 (4): a neighbour's item is only "nearby", days ago — never how far or where.
    requests: { checkDuplicates: { items: [{ _id: 'rq-5', category: 'environment', status: 'accepted', nearness: 'nearby', filedDaysAgo: 2, followers: 1, following: false }] } },
  })
  const help = await weapp.launch('/pages-resident/help/index')
  await help.tap('环境卫生')
  await help.tap('打开地图选位置')
  expect(help.has('这件事会交给谁')).toBe(false) // closing the map picker (cancel) changes nothing

  weapp.media.willPickPlace({ latitude: point.lat, longitude: point.lng, name: '康乐小区3号楼' })
  await help.tap('打开地图选位置')
  await help.find('地图上选的位置（121.4334, 31.1851）')
  // The same drawing as the browser's, with the chosen point ringed where 1号楼 stands.
  const where = await help.find('选的位置：在康乐社区康乐一网格，离康乐小区1号楼约0米')
  const svg = drawingNear(where)
  const at = project(projectionOf(map), point)
  expect(svg).toContain(`<circle cx="${at.x.toFixed(1)}" cy="${at.y.toFixed(1)}" r="28" fill="none"`)
  expect(svg).toContain('康乐一网格')
  expect(weapp.cloudCalls('directory', 'communityMap').map((call) => call.input)).toEqual([{ near: point }])
  await help.find('这件事会交给康乐社区康乐一网格，由 网格员周丽 办理，会一直跟到办完。')
  expect(weapp.cloudCalls('directory', 'route').map((call) => call.input)).toEqual([{ category: 'environment', target: { point } }])
  expect(weapp.cloudCalls('requests', 'checkDuplicates').map((call) => call.input)).toEqual([{ category: 'environment', place: { point } }])
  await help.find('附近已经有人反映过同类的事')
  await help.find('在您附近')
  await help.find('2 天前提交 · 已接单 · 1 位邻居也遇到了')
})

// Issue 9: the staff patrol form (主动治理) showed only the point's words after wx.chooseLocation.
test('a grid worker on patrol picks the point in WeChat’s map and sees it on the same drawing', async () => {
  const map = kangleMap()
  const gridWorker = whoami({ userId: 'staff-zhou', name: '网格员周丽', roles: ['resident', 'gridWorker'], scopes: { gridIds: ['grid-kangle-1'], communityIds: [], streetIds: [], branchIds: [] } })
  weapp.answer({
    directory: {
      whoami: gridWorker,
      listCommunities: [{ id: 'comm-kangle', name: '康乐社区', type: '老公房' }],
      communityMap: map,
      route: routeDecision({ category: 'hazard', locateRule: 'point-in-grid', buildingId: null }),
    },
  })
  const patrol = await weapp.launch('/pages-staff/file/index?kind=proactive')
  await patrol.tap('安全隐患')
  await patrol.tap('在地图上选')
  weapp.media.willPickPlace({ latitude: point.lat, longitude: point.lng, name: '康乐小区1号楼' })
  await patrol.tap('打开地图选位置')
  await patrol.find('地图上选的位置（121.4334, 31.1851）')
  const where = await patrol.find('选的位置：在康乐社区康乐一网格，离康乐小区1号楼约0米')
  const svg = drawingNear(where)
  const at = project(projectionOf(map), point)
  expect(svg).toContain(`<circle cx="${at.x.toFixed(1)}" cy="${at.y.toFixed(1)}" r="28" fill="none"`)
  expect(weapp.cloudCalls('directory', 'communityMap').map((call) => call.input)).toEqual([{ near: point }])
})
