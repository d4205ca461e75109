import type { Browser, Page } from 'playwright-core'
import { describeInBrowser, launchBrowser, phonePage } from '../support/browser'
import { fillField, onScreen, startStoryWorld, type StoryWorld } from '../support/e2e-app'

let world: StoryWorld
let browser: Browser
beforeAll(async () => {
  world = await startStoryWorld()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await world?.close()
})

describeInBrowser('a signed-out resident signs in and comes back, then files a request at a place tapped on the map', () => {
  let resident: Page

  test('a signed-out page leads to 本地演示登录 and back to where she was', async () => {
    resident = await phonePage(browser)
    resident.on('pageerror', (error) => world.pageErrors.push(error.message))
    await resident.goto(`${world.url}/#/pages/requests/index`)
    await onScreen(resident, '还没有登录。这是电脑上的演示版，请先选一个演示身份登录，登录后会回到这一页。').waitFor()
    expect(await onScreen(resident, '再试一次').count()).toBe(0)
    await onScreen(resident, '去登录（本地演示登录）').click()
    await onScreen(resident, '新居民（未绑定）').click()
    await resident.waitForURL(/#\/pages\/requests\/index/)
    await onScreen(resident, '还没有登录。这是电脑上的演示版，请先选一个演示身份登录，登录后会回到这一页。').waitFor({ state: 'detached' })
    // A sub-page of the browser build has its own way back (Taro's H5 has no navigation bar).
    await onScreen(resident, '‹ 返回').click()
    await onScreen(resident, '有困难找居村').waitFor()
  })

  test('she taps the place on the community map — no coordinates typed — and the request goes to that grid', async () => {
    await onScreen(resident, '有困难找居村').click()
    await onScreen(resident, '环境卫生').click()
    // Not bound yet, she sees the street's first community; the problem is in 康乐社区.
    await resident.getByRole('img', { name: /的地图：在图上点一下/ }).filter({ visible: true }).waitFor()
    await onScreen(resident, '康乐社区').click()
    const drawing = resident.getByRole('img', { name: '康乐社区的地图：在图上点一下，选出位置' }).filter({ visible: true })
    await drawing.waitFor()
    expect(await resident.locator('input[placeholder="例如 121.43"]').count()).toBe(0)
    const box = await drawing.boundingBox()
    // Big enough for an unsteady finger: the drawing fills the form's width (¾ of a 390-px phone) and is taller than wide.
    expect(box?.width).toBeGreaterThan(290)
    expect(box?.height).toBeGreaterThan(box?.width ?? 0)

    await drawing.locator('[data-building="bldg-kl-3"] circle').click()
    await resident.getByText(/^您点的位置：在康乐社区康乐一网格，离康乐小区3号楼约\d+米$/).filter({ visible: true }).waitFor()
    await onScreen(resident, '就是这个位置').click()
    await resident.getByText(/^地图上选的位置：在康乐社区康乐一网格，离康乐小区3号楼约\d+米$/).filter({ visible: true }).waitFor()
    await resident.getByText(/这件事会交给康乐社区康乐一网格/).filter({ visible: true }).waitFor()
    await fillField(resident, '遇到了什么事', '3号楼门口的垃圾桶满了好几天没人清')
    await onScreen(resident, '提交').click()
    await onScreen(resident, '提交成功，我们收到了').waitFor()
    expect(world.pageErrors).toEqual([])
  })
})
