import { household, whoami } from '../component/support/fixtures'
import { kangleMap } from '../component/support/map-fixture'
import { photoView, requestDetail } from '../component/support/request-fixtures'
import { routeDecision } from './support/fixtures'
import type { PageView } from './support/page-view'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

const resident = whoami({ household })
const PROBLEM = '楼道灯坏了一个星期，晚上看不见台阶'
const point = { lng: 121.4334, lat: 31.1851 }
const EXPLAINED = [
  '先说清楚：会用到您的哪些信息',
  '位置：选您家或出事的地方，好知道该谁来办。',
  '照片：拍下问题，工作人员一看就明白。',
  '手机号：您愿意留的话，方便工作人员联系您。',
  '这些只用来办您提的事，只有办这件事的工作人员能看到。',
]

/** A resident with a bound home opens the filing form for 公共设施 and writes what happened. */
async function fileForm(): Promise<PageView> {
  weapp.answer({
    directory: { whoami: resident, communityMap: kangleMap(), route: routeDecision({ category: 'facility' }) },
    requests: {
      checkDuplicates: { items: [] },
      file: (input) => requestDetail({ _id: 'rq-7', category: input.category, text: input.text, photos: input.photos.map((id) => photoView(id, { state: 'pending' })) }),
    },
  })
  const help = await weapp.launch('/pages-resident/help/index')
  await help.tap('公共设施')
  await help.type('遇到了什么事', PROBLEM)
  return help
}

const sheetShown = (page: PageView) => page.has('先说清楚：会用到您的哪些信息')

// The person has not agreed to the privacy guide yet (weapp.privacy.requireConsent()): WeChat holds
// chooseMedia / chooseLocation and asks the app's onNeedPrivacyAuthorization listener, which the app
// registers at launch; the app's own sheet explains and answers.
beforeEach(() => weapp.privacy.requireConsent())

describe('adding a photo', () => {
  test('the app’s own explanation comes first; 同意 answers with the tapped button’s id and the picker opens', async () => {
    const help = await fileForm()
    const [photo] = weapp.media.willPickPhotos('lamp.jpg')
    await help.tap('添加照片（最多 9 张）')

    expect(weapp.privacy.prompts).toEqual(['chooseMedia'])
    expect(weapp.privacy.officialPopups).toBe(0)
    expect(weapp.privacy.exposures).toEqual(['chooseMedia'])
    for (const line of EXPLAINED) await help.find(line)
    await help.find('您要加照片。第一次用之前，需要您同意。')
    expect(help.buttons()).toEqual(expect.arrayContaining([
      { text: '同意', disabled: false, openType: 'agreePrivacyAuthorization' },
      { text: '不同意', disabled: false, openType: '' },
    ]))
    expect(weapp.uploads()).toEqual([]) // the picker waits while the question is open

    await help.tap('同意') // the fake reports a resolve whose buttonId is not the tapped button's
    await help.waitForGone('先说清楚：会用到您的哪些信息')
    await help.find('再加照片（还能加 8 张）')
    await help.waitForGone('上传中…')
    expect(weapp.privacy.hasAgreed).toBe(true)
    expect(weapp.uploads().map((upload) => upload.filePath)).toEqual([photo])
    expect(weapp.wxCalls('chooseMedia')).toEqual([expect.objectContaining({ count: 9, mediaType: ['image'] })])

    // Once agreed, the next picker opens straight away.
    weapp.media.willPickPhotos('lamp-2.jpg')
    await help.tap('再加照片（还能加 8 张）')
    await help.find('再加照片（还能加 7 张）')
    expect(weapp.privacy.prompts).toEqual(['chooseMedia'])
  })

  test('不同意: the picker fails as WeChat’s does, the form says it goes without a photo, and filing works', async () => {
    const help = await fileForm()
    weapp.media.willPickPhotos('lamp.jpg') // would be picked, had the resident agreed
    await help.tap('添加照片（最多 9 张）')
    await help.tap('不同意')

    await help.find('不加照片也能提交')
    await help.find('您没有同意用照片，所以现在加不了。想加的话，再点一下“添加照片”，然后点“同意”。')
    expect(sheetShown(help)).toBe(false)
    expect(weapp.privacy.hasAgreed).toBe(false)
    expect(weapp.uploads()).toEqual([])
    expect(weapp.toasts()).toEqual([]) // a choice, not an error
    expect(help.has(/出错/)).toBe(false)

    await help.tap('提交')
    await help.find('提交成功，我们收到了')
    expect(weapp.cloudCalls('requests', 'file').map((call) => call.input)).toEqual([
      expect.objectContaining({ category: 'facility', text: PROBLEM, photos: [], place: { householdId: household.householdId } }),
    ])
  })

  test('a resident who changes their mind taps 添加照片 again and is asked again', async () => {
    const help = await fileForm()
    await help.tap('添加照片（最多 9 张）')
    await help.tap('不同意')
    await help.find('不加照片也能提交')

    weapp.media.willPickPhotos('lamp.jpg')
    await help.tap('添加照片（最多 9 张）')
    await help.find('先说清楚：会用到您的哪些信息')
    await help.tap('同意')
    await help.find('再加照片（还能加 8 张）')
    await help.waitForGone('不加照片也能提交')
    expect(weapp.privacy.prompts).toEqual(['chooseMedia', 'chooseMedia'])
  })

  test('closing the photo picker (cancel) after agreeing stays as quiet as before', async () => {
    const help = await fileForm()
    await help.tap('添加照片（最多 9 张）') // nothing picked: the picker answers "cancel"
    await help.tap('同意')
    await help.waitForGone('先说清楚：会用到您的哪些信息')
    expect(help.has('不加照片也能提交')).toBe(false)
    expect(weapp.toasts()).toEqual([])
    await help.find('添加照片（最多 9 张）')
  })
})

describe('choosing the place on the map', () => {
  test('同意 lets the map open and the point is used', async () => {
    const help = await fileForm()
    await help.tap('在别的地方')
    weapp.media.willPickPlace({ latitude: point.lat, longitude: point.lng, name: '康乐小区3号楼' })
    await help.tap('打开地图选位置')
    await help.find('您要在地图上选位置。第一次用之前，需要您同意。')
    expect(weapp.privacy.prompts).toEqual(['chooseLocation'])

    await help.tap('同意')
    await help.find('地图上选的位置（121.4334, 31.1851）')
    expect(sheetShown(help)).toBe(false)
  })

  test('不同意: the form offers 就在我家 instead, and the request is filed without a map point', async () => {
    const help = await fileForm()
    await help.tap('在别的地方')
    weapp.media.willPickPlace({ latitude: point.lat, longitude: point.lng })
    await help.tap('打开地图选位置')
    await help.tap('不同意')

    await help.find('不用地图也可以')
    await help.find('点上面的“就在我家”，再在“遇到了什么事”里写清楚具体在哪儿。')
    await help.find('您没有同意用位置，所以地图打不开。想用地图的话，再点一下“打开地图选位置”，然后点“同意”。')
    expect(weapp.toasts()).toEqual([])

    await help.tap('就在我家')
    await help.tap('提交')
    await help.find('提交成功，我们收到了')
    expect(weapp.cloudCalls('requests', 'file').map((call) => call.input)).toEqual([expect.objectContaining({ photos: [], place: { householdId: household.householdId } })])
  })

  test('a resident without a home tells them the map is the way, or binding (which needs no map)', async () => {
    weapp.answer({ directory: { whoami: whoami() } })
    const help = await weapp.launch('/pages-resident/help/index')
    await help.tap('环境卫生')
    await help.tap('打开地图选位置')
    await help.tap('不同意')
    await help.find('也可以先绑定您家：按小区、楼栋一步一步选，不用地图。居委会确认后，选“就在我家”就能提交。')
    expect(weapp.toasts()).toEqual([])
  })

  test('binding: 不同意 points to 按小区楼栋选, which works without the map', async () => {
    weapp.answer({ directory: { listCommunities: [{ id: 'comm-kangle', name: '康乐社区', type: '老公房' }] } })
    const bind = await weapp.launch('/pages-resident/bind/index')
    await bind.tap('在地图上找')
    await bind.tap('打开地图选位置')
    await bind.tap('不同意')
    await bind.find('点上面的“按小区楼栋选”，一步一步选到您家就行。')
    await bind.tap('按小区楼栋选')
    await bind.find('康乐社区')
  })
})

describe('the sheet itself', () => {
  test('查看完整的《隐私保护指引》 opens WeChat’s guide and leaves the question open', async () => {
    const help = await fileForm()
    await help.tap('添加照片（最多 9 张）')
    await help.tap('查看完整的《隐私保护指引》')
    expect(weapp.wxCalls('openPrivacyContract')).toHaveLength(1)
    expect(sheetShown(help)).toBe(true)
    await help.tap('不同意')
    await help.find('不加照片也能提交')
  })

  test('leaving the page unanswered answers 不同意 there: the picker returns, and the question does not follow', async () => {
    weapp.answer({ directory: { whoami: resident } })
    const home = await weapp.launch('/pages/home/index')
    await home.tap('有困难找居村')
    const help = await weapp.page('pages-resident/help/index')
    const asked = weapp.privacy.prompt('chooseMedia') // as WeChat asks for a picker this page opened
    await help.find('先说清楚：会用到您的哪些信息')
    expect(sheetShown(home)).toBe(false) // only the page that asked shows it, not the one under it
    await weapp.back()
    await expect(asked).resolves.toEqual({ event: 'disagree' })
    expect(weapp.stack()).toEqual(['pages/home/index'])
    expect(sheetShown(await weapp.page('pages/home/index'))).toBe(false)
  })

  test('it reports itself shown once, and a second waiting API is answered by the same 同意', async () => {
    const help = await fileForm()
    const first = weapp.privacy.prompt('chooseMedia')
    const second = weapp.privacy.prompt('chooseLocation')
    await help.find('您要加照片。第一次用之前，需要您同意。')
    expect(weapp.privacy.exposures).toEqual(['chooseMedia', 'chooseLocation'])
    await help.tap('同意')
    await expect(Promise.all([first, second])).resolves.toEqual([
      { event: 'agree', buttonId: 'agree-privacy' },
      { event: 'agree', buttonId: 'agree-privacy' },
    ])
    expect(sheetShown(help)).toBe(false)
  })
})
