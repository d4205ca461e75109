import { describeInBrowser } from '../support/browser'
import { fillField, onScreen, startStoryWorld, type StoryWorld } from '../support/e2e-app'

const PROBLEM = '3号楼楼道的灯坏了一个星期'

let world: StoryWorld
beforeAll(async () => {
  world = await startStoryWorld()
})
afterAll(() => world?.close())

describeInBrowser('the street admin reads the street on the dashboard', () => {
  test('the street’s total, all three communities by name, and this week’s new item as a labelled bar', async () => {
    const resident = await world.signedInAs('康乐居民（已认证）')
    await onScreen(resident, '首页').click()
    await onScreen(resident, '有困难找居村').click()
    await onScreen(resident, '公共设施').click()
    await fillField(resident, '遇到了什么事', PROBLEM)
    await onScreen(resident, '提交').click()
    await onScreen(resident, '看办理进度').waitFor()

    const admin = await world.signedInAs('街道管理员')
    await onScreen(admin, '我的').click()
    await onScreen(admin, '工作台').click()
    await onScreen(admin, '网格看板').click()
    await onScreen(admin, '湖滨街道合计').waitFor()
    const cardTitles = await admin.locator('.rates .card__title').filter({ visible: true }).allInnerTexts()
    expect(cardTitles.slice(0, 4)).toEqual(['湖滨街道合计', '翠湖社区', '康乐社区', '张家村'])
    expect(cardTitles).toContain('李家宅网格')

    const chart = admin.locator('.trend').filter({ visible: true })
    await chart.getByText('湖滨街道近 8 周走势').waitFor()
    for (const rate of ['响应率（%）', '解决率（%）', '满意率（%）']) {
      expect(await chart.locator('.trend__series', { hasText: rate }).locator('.trend__col').count()).toBe(8)
    }
    const kangle1 = chart.locator('.trend__series', { hasText: '康乐一网格' })
    expect(await kangle1.locator('.trend__value').allInnerTexts()).toEqual(['0', '0', '0', '0', '0', '0', '0', '1'])
    expect(await kangle1.locator('.trend__col').last().getAttribute('aria-label')).toBe('本周，康乐一网格新收 1 件')
    // The bar is drawn: this week's as tall as its track (the busiest week on the street's one scale), the quiet weeks flat.
    const [bar, track] = await Promise.all([kangle1.locator('.trend__bar').last().boundingBox(), kangle1.locator('.trend__track').last().boundingBox()])
    expect(bar!.height).toBeGreaterThan(track!.height * 0.9)
    expect((await kangle1.locator('.trend__bar').first().boundingBox())?.height ?? 0).toBe(0)
    expect(world.pageErrors).toEqual([])
  })
})
