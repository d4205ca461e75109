import type { Page } from 'playwright-core'
import { describeInBrowser } from '../support/browser'
import { onScreen, startStoryWorld, type StoryWorld } from '../support/e2e-app'

/** A call button: a tel: link named by who is rung and the number (call-button.tsx). */
const callLink = (page: Page, name: string) => page.getByRole('link', { name, exact: true }).filter({ visible: true })

/** The computed font size of the visible tab bar's 首页 label, in CSS px. */
const tabLabelPx = (page: Page) =>
  page.evaluate(() => {
    const label = Array.from(document.querySelectorAll<HTMLElement>('.weui-tabbar__label')).find((l) => l.textContent === '首页' && l.offsetParent !== null)
    return label ? parseFloat(getComputedStyle(label).fontSize) : null
  })
const textPx = (page: Page, text: string) => onScreen(page, text).first().evaluate((node) => parseFloat(getComputedStyle(node).fontSize))

let world: StoryWorld
let resident: Page
beforeAll(async () => {
  world = await startStoryWorld()
})
afterAll(() => world?.close())

describeInBrowser('an older resident rings her grid worker from 首页 and turns on 长辈模式', () => {
  test('首页 names her grid worker and the community hotline, each a tel: link, and 12345', async () => {
    resident = await world.signedInAs('康乐居民（已认证）')
    await onScreen(resident, '首页').click()
    await onScreen(resident, '我的网格员：网格员周丽（康乐一网格）').waitFor()
    expect(await callLink(resident, '打给网格员 021-64010011').getAttribute('href')).toBe('tel:021-64010011')
    expect(await callLink(resident, '打给居委会 021-64010001').getAttribute('href')).toBe('tel:021-64010001')
    expect(await callLink(resident, '拨打 12345').getAttribute('href')).toBe('tel:12345')
    expect(await onScreen(resident, '邻里议事厅').count()).toBe(1)
    expect(await onScreen(resident, '即将开放').count()).toBe(0)
    // index.html's shell, painted before the scripts came, is gone once the app is up.
    expect(await resident.getByText('正在打开…').count()).toBe(0)
  })

  test('the tab labels follow the browser’s font size (they stayed 10 px before)', async () => {
    const standard = await tabLabelPx(resident)
    expect(standard).toBe(12)
    await resident.evaluate(() => void (document.documentElement.style.fontSize = '150%'))
    expect(await tabLabelPx(resident)).toBe(18)
    await resident.evaluate(() => void (document.documentElement.style.fontSize = ''))
  })

  test('长辈模式 in 我的: larger type everywhere, a simpler 首页, and still on after a reload', async () => {
    const bodyBefore = await textPx(resident, '我的网格员：网格员周丽（康乐一网格）')
    await onScreen(resident, '我的').click()
    await onScreen(resident, '长辈模式').click()
    await onScreen(resident, '已打开').waitFor()
    await onScreen(resident, '首页').click()
    await callLink(resident, '打给网格员 021-64010011').waitFor()
    expect(await textPx(resident, '我的网格员：网格员周丽（康乐一网格）')).toBeCloseTo(bodyBefore * 1.3, 0)
    expect(await tabLabelPx(resident)).toBeCloseTo(12 * 1.3, 1)
    expect(await onScreen(resident, '邻里议事厅').count()).toBe(0)
    expect(await onScreen(resident, '家门口的难事，告诉我们，网格员来帮您').count()).toBe(0)

    await resident.reload()
    await callLink(resident, '打给网格员 021-64010011').waitFor()
    expect(await textPx(resident, '我的网格员：网格员周丽（康乐一网格）')).toBeCloseTo(bodyBefore * 1.3, 0)
    expect(world.pageErrors).toEqual([])
  })

  test('首页 opened cold fetches no zod: on a slow phone its 110 KB held the first entry back', async () => {
    // Signed in (the sign-in page itself loads zod), then 首页 opened afresh in the same phone, nothing cached.
    const phone = await (await world.signedInAs('康乐居民（已认证）')).context().newPage()
    await (await phone.context().newCDPSession(phone)).send('Network.setCacheDisabled', { cacheDisabled: true })
    const scripts: Promise<{ url: string; body: string }>[] = []
    phone.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.text().then((body) => ({ url: response.url(), body })))
    })
    await phone.goto(`${world.url}/`)
    await onScreen(phone, '我的网格员：网格员周丽（康乐一网格）').waitFor()
    await phone.waitForLoadState('networkidle')
    const loaded = await Promise.all(scripts)
    expect(loaded.length).toBeGreaterThan(2)
    // `ZodError` is the name zod gives its error class, kept by the minifier.
    expect(loaded.filter(({ body }) => body.includes('ZodError')).map(({ url }) => url)).toEqual([])
    await phone.context().close()
  })
})
