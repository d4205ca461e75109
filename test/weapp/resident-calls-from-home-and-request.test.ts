import { at, HOUR, requestDetail, requestSummary } from '../component/support/request-fixtures'
import { household, whoami } from '../component/support/fixtures'
import type { SimElement } from './support/simulator'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

const contacts = {
  community: { name: '康乐社区', hotline: '021-64010001' },
  gridWorker: { name: '网格员周丽', gridName: '康乐一网格', workPhone: '021-64010011' },
}
const replied = requestDetail({
  status: 'replied',
  owner: { id: 'staff-zhou', name: '网格员周丽', workPhone: '021-64010011' },
  reply: { text: '电梯已经修好', photos: [], at: at + HOUR, by: 'staff-zhou' },
  due: { stage: 'rate', dueAt: at + 7 * 24 * HOUR, urgency: 'onTime' },
  availableActions: ['rate', 'reopen'],
})

/** The --jc-fs the page root carries (PageShell): the scale every fs() size in the wxss multiplies by. */
function pageScale(element: SimElement): string | null {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = node.getAttribute('style') ?? ''
    const found = /--jc-fs:\s*([\d.]+)/.exec(style)
    if (found) return found[1]
  }
  return null
}

test('首页 names the resident’s open item with its next step and their grid worker; both the worker and the owner ring through WeChat’s dialer', async () => {
  weapp.answer({
    directory: { homeContacts: contacts },
    requests: { listMine: { items: [requestSummary({ status: 'replied' })], nextCursor: null }, detail: replied },
  })
  const home = await weapp.launch('/pages/home/index')
  await home.find('待您评价')
  await home.find('我的网格员：网格员周丽（康乐一网格）')
  await home.tap('打给网格员 021-64010011')
  expect(weapp.wxCalls('makePhoneCall')).toEqual([{ phoneNumber: '021-64010011' }])
  await home.tap('拨打 12345')
  expect(weapp.wxCalls('makePhoneCall').at(-1)).toEqual({ phoneNumber: '12345' })

  await home.tap('3号楼电梯停了两天')
  const detail = await weapp.page('pages/request/index')
  await detail.find('物业服务 · 已答复，等待评价')
  await detail.tap('给网格员周丽打电话 021-64010011')
  expect(weapp.wxCalls('makePhoneCall').at(-1)).toEqual({ phoneNumber: '021-64010011' })
  // The rating sits right under the result it rates.
  const text = detail.text()
  expect(text.indexOf('电梯已经修好')).toBeLessThan(text.indexOf('请评价这次办理'))
  expect(text.indexOf('请评价这次办理')).toBeLessThan(text.indexOf('办理经过'))
})

test('长辈模式, switched on in 我的, is kept on the phone: larger text and a simpler 首页', async () => {
  weapp.answer({ directory: { whoami: whoami({ household }), homeContacts: contacts } })
  const mine = await weapp.launch('/pages/mine/index')
  const before = await mine.find('长辈模式')
  expect(pageScale(before)).toBeNull()
  await mine.tap('长辈模式')
  await mine.find('已打开')
  expect(pageScale(await mine.find('长辈模式'))).toBe('1.3')

  const home = await weapp.launch('/pages/home/index')
  await home.find('打给网格员 021-64010011')
  expect(pageScale(await home.find('有困难找居村'))).toBe('1.3')
  expect(home.has('邻里议事厅')).toBe(false)
  expect(weapp.wxCalls('setStorageSync')).toContain('jucun.elderMode')
})
