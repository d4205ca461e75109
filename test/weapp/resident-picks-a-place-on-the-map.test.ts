import { whoami } from '../component/support/fixtures'
import { routeDecision } from './support/fixtures'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

const point = { lng: 121.4334, lat: 31.1851 }

// A resident who has not bound a household files from a point on WeChat's map (wx.chooseLocation).
test('a resident without a household picks the place on the map and sees who will own it', async () => {
  weapp.answer({
    directory: { whoami: whoami(), route: routeDecision({ category: 'environment', locateRule: 'point-in-grid', buildingId: null }) },
    requests: { checkDuplicates: { items: [] } },
  })
  const help = await weapp.launch('/pages/help/index')
  await help.tap('环境卫生')
  await help.tap('打开地图选位置')
  expect(help.has('这件事会交给谁')).toBe(false) // closing the map picker (cancel) changes nothing

  weapp.media.willPickPlace({ latitude: point.lat, longitude: point.lng, name: '康乐小区3号楼' })
  await help.tap('打开地图选位置')
  await help.find('地图上选的位置（121.4334, 31.1851）')
  await help.find('这件事会交给康乐社区康乐一网格，由 网格员周丽 办理，会一直跟到办完。')
  expect(weapp.cloudCalls('directory', 'route').map((call) => call.input)).toEqual([{ category: 'environment', target: { point } }])
  expect(weapp.cloudCalls('requests', 'checkDuplicates').map((call) => call.input)).toEqual([{ category: 'environment', place: { point } }])
})
