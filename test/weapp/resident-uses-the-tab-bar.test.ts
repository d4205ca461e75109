import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { household, whoami } from '../component/support/fixtures'
import { distRoot } from './support/dist'
import { propertiesOf, type SimElement } from './support/simulator'
import { until } from './support/wait'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

/** The simulator prefixes a component's classes (`custom-tab-bar--tab-bar__item`): matched by their end. */
const ITEM = '[class$="tab-bar__item"], [class*="tab-bar__item "]'
const SELECTED = '[class$="tab-bar__item--selected"]'

const bar = () => weapp.tabBar.view()
const labels = () => Array.from(bar().dom.querySelectorAll(ITEM)).map((item) => item.querySelector('[class$="tab-bar__label"]')?.textContent?.trim())
const selected = (): (string | undefined)[] => Array.from(bar().dom.querySelectorAll(SELECTED)).map((item) => item.querySelector('[class$="tab-bar__label"]')?.textContent?.trim())
const icons = () => Array.from(bar().dom.querySelectorAll<SimElement>('wx-image')).map((image) => propertiesOf(image).src)
/** A switchTab from code returns before the page's show has re-rendered the bar. */
const selectedOnceShown = (label: string) => until(`${label} selected`, () => selected().join() === label && selected(), () => `selected: ${selected().join()}`)
/** The --jc-fs on the bar's root: what every fs() size of its wxss multiplies by. */
const barScale = () => /--jc-fs:\s*([\d.]+)/.exec(bar().dom.querySelector('[style]')?.getAttribute('style') ?? '')?.[1] ?? null
/** One rule of the bar's built wxss, as WeChat will apply it. */
const rule = (selector: string) => new RegExp(`\\${selector}\\{([^}]*)\\}`).exec(readFileSync(join(distRoot, 'custom-tab-bar/index.wxss'), 'utf8'))?.[1] ?? ''

test('WeChat is told the app draws its own tab bar, and every tab page has it: three tabs, the page’s own selected', async () => {
  expect(JSON.parse(readFileSync(join(distRoot, 'app.json'), 'utf8')).tabBar.custom).toBe(true)
  expect(JSON.parse(readFileSync(join(distRoot, 'custom-tab-bar/index.json'), 'utf8')).component).toBe(true)
  weapp.answer({ directory: { whoami: whoami({ household }) }, requests: { myMessages: { items: [], nextCursor: null } } })

  await weapp.launch('/pages/home/index')
  expect(labels()).toEqual(['首页', '消息', '我的'])
  expect(selected()).toEqual(['首页'])
  expect(icons()).toEqual(['/assets/tab/home-active.png', '/assets/tab/messages.png', '/assets/tab/mine.png'])

  await bar().tap('消息')
  await weapp.page('pages/messages/index')
  expect(selected()).toEqual(['消息'])

  await bar().tap('我的')
  const mine = await weapp.page('pages/mine/index')
  await mine.find('长辈模式')
  expect(selected()).toEqual(['我的'])

  // Back to a tab page kept alive, by the bar and by code (switchTab, reLaunch): still its own tab.
  await bar().tap('首页')
  await weapp.page('pages/home/index')
  expect(selected()).toEqual(['首页'])
  await weapp.callWx('switchTab', { url: '/pages/mine/index' })
  await weapp.page('pages/mine/index')
  expect(await selectedOnceShown('我的')).toEqual(['我的'])
  await weapp.launch('/pages/messages/index')
  expect(selected()).toEqual(['消息'])
  expect(weapp.stack()).toEqual(['pages/messages/index'])
})

test('the 消息 badge is on the app’s own bar: the count, 99+ past two digits, gone at zero', async () => {
  weapp.answer({ requests: { unreadMessages: { unread: 120 } } })
  await weapp.launch('/pages/home/index')
  await weapp.waitForCall('requests', 'unreadMessages')
  expect(await weapp.tabBar.badge(1)).toBe('99+')
  expect(await weapp.tabBar.badge(0)).toBeNull()

  weapp.answer({ directory: { whoami: whoami({ household }) }, requests: { unreadMessages: { unread: 0 } } })
  await bar().tap('我的')
  await weapp.page('pages/mine/index')
  await weapp.waitForCall('requests', 'unreadMessages', 2)
  expect(await weapp.tabBar.badge(1)).toBeNull()
})

test('its labels are body-relative and grow with 长辈模式; each tab is a 44 pt target', async () => {
  weapp.answer({ directory: { whoami: whoami({ household }) } })
  const mine = await weapp.launch('/pages/mine/index')
  await mine.find('长辈模式')
  expect(rule('.tab-bar__label')).toContain('font-size:calc(24rpx*var(--jc-fs, 1))')
  expect(rule('.tab-bar__icon-box')).toContain('height:calc(48rpx*var(--jc-fs, 1))')
  expect(rule('.tab-bar__item')).toContain('min-height:88rpx')
  expect(barScale()).toBeNull()

  await mine.tap('长辈模式')
  await mine.find('已打开')
  expect(barScale()).toBe('1.3')
  // The other tab pages' bars follow at once (they are alive, hidden, each with its own bar).
  await bar().tap('首页')
  await weapp.page('pages/home/index')
  expect(barScale()).toBe('1.3')
})
