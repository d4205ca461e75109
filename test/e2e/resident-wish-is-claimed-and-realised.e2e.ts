import type { Page } from 'playwright-core'
import { describeInBrowser } from '../support/browser'
import { fillField, onScreen, startStoryWorld, type StoryWorld } from '../support/e2e-app'

// A 1×1 PNG: the helper's photo of the medicine handed over.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const WISH = '腿脚不便，想请人帮忙去药店买一周的降压药'
const SUMMARY = '独居老人需要有人帮忙买药'

const openCard = (page: Page, words: string) => page.locator('.wish-card', { hasText: words }).filter({ visible: true }).first().click()

let world: StoryWorld
let resident: Page
let member: Page
beforeAll(async () => {
  world = await startStoryWorld()
})
afterAll(() => world?.close())

// Issue 7's story, in the order it happens: 赵阿婆 (长桥新村, 康乐三网格) posts a wish, the committee
// publishes it, 刘建华 of 康乐三网格党支部 claims and fulfils it with a photo, she confirms, and the
// ledger and the wish wall show it.
describeInBrowser('a resident\'s wish is published, claimed, fulfilled and confirmed', () => {
  test('the resident posts a wish from 首页 → 微心愿', async () => {
    resident = await world.signedInAs('长桥居民（独居老人）')
    await onScreen(resident, '首页').click()
    await onScreen(resident, '微心愿').click()
    await onScreen(resident, '说个心愿').click()
    await onScreen(resident, '助老助残').click()
    await fillField(resident, '您的心愿', WISH)
    await onScreen(resident, '上门').click()
    await onScreen(resident, '提交心愿').click()
    await onScreen(resident, '心愿提交好了').waitFor()
    await onScreen(resident, '现在：等待居委会核实').waitFor()
  })

  test('the committee finds it in 心愿核实 and publishes it with a public line', async () => {
    const committee = await world.signedInAs('康乐社区居委会')
    await onScreen(committee, '我的').click()
    await onScreen(committee, '工作台').click()
    await onScreen(committee, '心愿核实').click()
    await openCard(committee, WISH)
    await onScreen(committee, '核实通过，发布').click()
    await fillField(committee, '公示内容', SUMMARY)
    await onScreen(committee, '发布给党员').click()
    await onScreen(committee, '助老助残 · 等待党员认领').waitFor()
  })

  test('a party member of the branch claims it, sees her address, and fulfils it with a photo', async () => {
    member = await world.signedInAs('在职党员')
    await onScreen(member, '我的').click()
    await onScreen(member, '认领微心愿').click()
    await member.locator('.wish-card', { hasText: SUMMARY }).filter({ visible: true }).getByText('同一网格').waitFor()
    await openCard(member, SUMMARY)
    // Before the claim her name and phone are masked and the address is not there at all.
    await onScreen(member, '138****0005').waitFor()
    expect(await onScreen(member, '长桥新村3号302').count()).toBe(0)
    await onScreen(member, '我来认领').click()
    await onScreen(member, '确认认领').click()
    await onScreen(member, '助老助残 · 党员已认领').waitFor()
    await onScreen(member, '长桥新村3号302').waitFor()
    expect(await member.getByRole('link', { name: '拨打 13800000005' }).filter({ visible: true }).getAttribute('href')).toBe('tel:13800000005')

    await onScreen(member, '我已完成').click()
    await fillField(member, '做了什么', '药已经买好送到家，交给了赵阿婆')
    const chooser = member.waitForEvent('filechooser')
    await onScreen(member, '添加照片（最多 3 张）').click()
    await (await chooser).setFiles({ name: 'handed-over.png', mimeType: 'image/png', buffer: PHOTO })
    await onScreen(member, '上传中…').waitFor({ state: 'detached' })
    await onScreen(member, '告诉居民已经办好').click()
    await onScreen(member, '您已经办好了，正在等居民确认。').waitFor()
  })

  test('the resident sees what was done, with the photo, and confirms with thanks', async () => {
    // The helper's photo reaches her once WeChat's media check has passed it (before, only its uploader and the reviewers see it).
    await world.mediaChecksDone()
    await resident.goto(`${world.url}/#/pages-wish/mine/index`)
    await openCard(resident, SUMMARY)
    await onScreen(resident, '药已经买好送到家，交给了赵阿婆').first().waitFor()
    await resident.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('.photos img')).some((img) => img.offsetParent !== null && img.complete && img.naturalWidth === 1))
    await fillField(resident, '想对党员说的话（可不填）', '谢谢小刘，药收到了')
    await onScreen(resident, '5 分 · 非常满意').click()
    await onScreen(resident, '确认心愿已实现').click()
    await onScreen(resident, '助老助残 · 心愿已实现').waitFor()
  })

  test('the member\'s service record counts it, and the wish wall shows it without who or where', async () => {
    await member.goto(`${world.url}/#/pages-wish/member/index`)
    await onScreen(member, '服务记录').click()
    await onScreen(member, '1 个心愿').waitFor()
    await member.locator('.ledger-line', { hasText: SUMMARY }).filter({ visible: true }).getByText(/^\+1 · 微心愿已确认实现/).waitFor()

    await resident.goto(`${world.url}/#/pages-wish/wall/index`)
    const line = resident.locator('.wall-line', { hasText: SUMMARY }).filter({ visible: true })
    await line.getByText('康乐三网格党支部帮助实现').waitFor()
    expect(await line.innerText()).not.toMatch(/赵阿婆|13800000005|302/)
    expect(world.pageErrors).toEqual([])
  })
})
