import type { Page } from 'playwright-core'
import { describeInBrowser } from '../support/browser'
import { fillField, onScreen, openWorkbenchRequest, startStoryWorld, type StoryWorld } from '../support/e2e-app'

// A 1×1 PNG: what a resident's camera gives, as far as the app and the local file store can tell.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const PROBLEM = '3号楼楼道里电线乱拉，晚上冒火花'

/** The src of the first photo on screen, once it has loaded (the 1×1 PNG). */
async function shownPhoto(page: Page): Promise<string> {
  const shown = await page.waitForFunction(() => {
    const img = Array.from(document.querySelectorAll<HTMLImageElement>('.photos img')).find((i) => i.offsetParent !== null)
    return img?.complete && img.naturalWidth === 1 ? img.src : null
  })
  return (await shown.jsonValue()) as string
}

let world: StoryWorld
let resident: Page
beforeAll(async () => {
  world = await startStoryWorld()
})
afterAll(() => world?.close())

// One request's life, told in the order it happens: each step starts where the one before left off.
describeInBrowser('a resident files a request, the grid worker answers it, the resident rates it resolved', () => {
  test('a resident files with a photo and sees who owns it', async () => {
    resident = await world.signedInAs('康乐居民（已认证）')
    await onScreen(resident, '首页').click()
    await onScreen(resident, '有困难找居村').click()
    await onScreen(resident, '紧急情况，请马上打电话').waitFor()
    await onScreen(resident, '安全隐患').click()
    await resident.getByText(/这件事会交给康乐社区康乐一网格，由 网格员周丽 办理/).filter({ visible: true }).waitFor()
    await fillField(resident, '遇到了什么事', PROBLEM)

    const chooser = resident.waitForEvent('filechooser')
    await onScreen(resident, '添加照片（最多 9 张）').click()
    await (await chooser).setFiles({ name: 'wires.png', mimeType: 'image/png', buffer: PHOTO })
    await onScreen(resident, '再加照片（还能加 8 张）').waitFor()
    await onScreen(resident, '上传中…').waitFor({ state: 'detached' })
    await onScreen(resident, '提交').click()

    await onScreen(resident, '提交成功，我们收到了').waitFor()
    expect(await resident.locator('.notice').filter({ visible: true }).first().innerText()).toContain('负责人：网格员周丽（康乐社区 康乐一网格）')
    await onScreen(resident, '看办理进度').click()
    await onScreen(resident, '安全隐患 · 等待接单').waitFor()
    // The photo comes back from the resident's folder of the local storage, through a signed,
    // expiring URL the function made for this viewer (storage is private: the fileID opens nothing).
    expect(await shownPhoto(resident)).toMatch(/\/storage\/requests\/demo-resident-a\/\d{8}\/[0-9a-f-]{36}\.png\?expires=\d+&sign=[0-9a-f]{64}$/)
  })

  test('the resident can ring the owner on the work phone from the directory (a tel: link), never a personal number', async () => {
    const call = resident.getByRole('link', { name: '给网格员周丽打电话 021-64010011', exact: true }).filter({ visible: true })
    expect(await call.getAttribute('href')).toBe('tel:021-64010011')
    // 周丽's own phone (demo seed) is nowhere on the resident's page.
    expect(await resident.locator('body').innerText()).not.toContain('13800000011')
  })

  test('the grid worker sees it counted on the workbench and on the inbox tab, with its building and the resident masked', async () => {
    const worker = await world.signedInAs('网格员（康乐一、二网格）')
    await worker.goto(`${world.url}/#/pages/mine/index`)
    await onScreen(worker, '工作台').click()
    const line = await worker.getByText(/^待接单 \d+ · 办理中 \d+ · 待评价 \d+$/).filter({ visible: true }).innerText()
    const toAccept = Number(/^待接单 (\d+)/.exec(line)![1])
    expect(toAccept).toBeGreaterThanOrEqual(1)
    await onScreen(worker, '诉求收件箱').click()
    const card = worker.locator('.request-card', { hasText: PROBLEM }).filter({ visible: true })
    await card.waitFor()
    // The tab's number is the workbench's, and it is what the tab lists.
    const tabCount = worker.locator('.tabs .btn', { hasText: '待接单' }).filter({ visible: true }).locator('.tabs__count')
    expect(Number(await tabCount.innerText())).toBe(toAccept)
    expect(await worker.locator('.request-card').filter({ visible: true }).count()).toBe(Math.min(toAccept, 12))
    const text = await card.innerText()
    expect(text).toContain('康乐小区3号楼 · 康*')
    expect(text).toMatch(/答复还剩 \d+(小时|分钟)/)
    expect(text).toMatch(/等待接单 · .*提交/)
    expect(text).not.toContain('201')
    expect(text).not.toContain('网格员周丽')
    // At 1.5× type the category stays whole beside the time left; the status (the tab's name too) gives way.
    await worker.evaluate(() => void (document.documentElement.style.fontSize = '150%'))
    const category = card.locator('.triage-card__title')
    expect(await category.innerText()).toBe('安全隐患')
    expect(await category.evaluate((node) => node.clientWidth > 0 && node.scrollWidth <= node.clientWidth)).toBe(true)
    await worker.evaluate(() => void (document.documentElement.style.fontSize = ''))
  })

  test('the grid worker accepts and replies', async () => {
    const worker = await world.signedInAs('网格员（康乐一、二网格）')
    await openWorkbenchRequest(worker, '待接单', PROBLEM)
    await onScreen(worker, '接单').click()
    await fillField(worker, '给居民的话', '今天下午上门查看')
    await onScreen(worker, '确认接单').click()
    await onScreen(worker, '安全隐患 · 已接单').waitFor()
    // The detail's read of the resident's contact is logged (request-view contact.read); the phone is one tap to ring.
    expect(await worker.getByRole('link', { name: '给居民打电话 13800000001', exact: true }).filter({ visible: true }).getAttribute('href')).toBe('tel:13800000001')
    // The owner sees the resident's photo too, through a URL made for them.
    expect(await shownPhoto(worker)).toMatch(/\/storage\/requests\/demo-resident-a\/.+\?expires=\d+&sign=[0-9a-f]{64}$/)
    await onScreen(worker, '答复办理结果').click()
    await fillField(worker, '办理结果', '电线已经重新走线，加了线槽')
    await onScreen(worker, '答复居民').click()
    await onScreen(worker, '安全隐患 · 已答复，等待评价').waitFor()
    expect(await onScreen(worker, '接单').count()).toBe(0)
  })

  test('the resident rates it resolved and it closes', async () => {
    await resident.reload()
    await onScreen(resident, '电线已经重新走线，加了线槽').first().waitFor()
    await onScreen(resident, '解决了').click()
    await onScreen(resident, '满意').click()
    await onScreen(resident, '提交评价').click()
    await onScreen(resident, '安全隐患 · 已办结').waitFor()
    expect(await onScreen(resident, '请评价这次办理').count()).toBe(0)
    await onScreen(resident, '居民评价').waitFor()

    // The detail page has no tab bar: the resident goes back to the home page, then to 消息.
    await resident.goto(`${world.url}/#/pages/home/index`)
    await onScreen(resident, '消息').click()
    // Rated already, the reply's message no longer asks for a rating: it says so instead.
    const replied = resident.locator('.message', { hasText: '诉求已答复' }).filter({ visible: true })
    await replied.getByText('已评价').waitFor()
    expect(await onScreen(resident, '诉求已答复，请评价').count()).toBe(0)
    // The submit tap asked for 受理, 进度 and 办结待评价 (the browser's stand-in for WeChat's prompt
    // says 允许), and the filing waited for the report: each notice was also pushed to WeChat.
    for (const title of ['诉求已受理', '诉求已答复']) {
      await resident.locator('.message', { hasText: title }).filter({ visible: true }).getByText('已推送到微信').waitFor()
    }
    expect(world.pageErrors).toEqual([])
  })
})
