import { createHash } from 'node:crypto'
import type { Page } from 'playwright-core'
import { describeInBrowser } from '../support/browser'
import { fillField, onScreen, startStoryWorld, type StoryWorld } from '../support/e2e-app'

const TITLE = '在3号楼东侧空地建电动自行车充电棚'
const BACKGROUND = '楼道里停电动车、拉线充电，消防检查提了好几次。物业愿意出资，想请3号楼的住户表个态。'
const COMMENT = '我赞成，但希望晚上十点后不要充电'
const UPDATE = '已和物业签了施工合同，下周一开工'
const DAY = 24 * 3_600_000

let world: StoryWorld
let committee: Page
let resident: Page
let topicUrl = ''

beforeAll(async () => {
  // The window is a week long (the form's days); the functions' clock is moved past it and the council timer run, as its trigger would.
  world = await startStoryWorld({ controlledClock: true })
})
afterAll(() => world?.close())

/** The topic page's own line of text, found among what is on screen. */
const shown = (page: Page, text: string) => onScreen(page, text).waitFor()

// Issue 8's story on the real functions: 康乐社区居委会 asks 康乐小区3号楼 about a charging shed; 王阿姨 of
// 3号楼201 comments and votes 赞成; the window closes by the council timer; the result and its proof show;
// the committee posts 发布进展 and she reads it under 消息 and on the topic's page.
describeInBrowser('the committee opens a topic, residents vote, the results show with their proof', () => {
  test('康乐社区居委会 opens a topic over 康乐小区3号楼 from the workbench, its electorate counted first', async () => {
    committee = await world.signedInAs('康乐社区居委会')
    await onScreen(committee, '我的').click()
    await onScreen(committee, '工作台').click()
    await onScreen(committee, '发起议题').click()
    await shown(committee, '哪些居民来议')
    await onScreen(committee, '选几栋楼').click()
    await onScreen(committee, '康乐小区 3号楼').click()
    // Every household of the seed's 3号楼 (6 floors × 2) holds a ballot; two of them (201, 501) use the app.
    await shown(committee, '这个范围现在有 12 户可以投票')
    await fillField(committee, '议题', TITLE)
    await fillField(committee, '背景', BACKGROUND)
    await fillField(committee, '最低参与比例（%）', '5')
    await committee.locator('.btn', { hasText: /^发起议题$/ }).filter({ visible: true }).click()
    await shown(committee, TITLE)
    await shown(committee, '已投 0 / 共 12 户')
    await committee.getByText(/^正在投票，.+ 截止。$/).filter({ visible: true }).waitFor()
    await shown(committee, '康乐小区3号楼')
    topicUrl = committee.url()
    expect(topicUrl).toMatch(/#\/pages-council\/topic\/index\?id=/)
  })

  test('康乐居民 of 3号楼201 finds it from 首页 → 邻里议事厅, comments and votes 赞成', async () => {
    resident = await world.signedInAs('康乐居民（已认证）')
    await onScreen(resident, '首页').click()
    await onScreen(resident, '邻里议事厅').click()
    const card = resident.locator('.council-card', { hasText: TITLE }).filter({ visible: true })
    await card.getByText('还没投票', { exact: true }).waitFor()
    await card.click()
    await shown(resident, '您家的投票')

    await fillField(resident, '说说您的看法', COMMENT)
    await onScreen(resident, '发表').click()
    await shown(resident, COMMENT)
    await shown(resident, '康乐居民王阿姨（我）')

    await onScreen(resident, '赞成').click()
    await onScreen(resident, '投票').click()
    await shown(resident, '您家已投票：赞成')
    await shown(resident, '已投 1 / 共 12 户')
    // Sealed while the window is open: the turnout, never a count per option.
    expect(await resident.getByText(/^\d+ 票$/).filter({ visible: true }).count()).toBe(0)
  })

  test('the window closes by the council timer: the result and the proof show, and the proof adds up to the published hash', async () => {
    world.clock.advance(8 * DAY)
    expect(await world.runTimer('council-timer')).toMatchObject({ close: 1, failed: 0 })

    await resident.reload()
    await shown(resident, '投票结果')
    await shown(resident, '通过')
    const counts = await resident.locator('.council-counts__row').filter({ visible: true }).allInnerTexts()
    expect(counts.map((row) => row.replace(/\s+/g, ''))).toEqual(['赞成1票', '反对0票', '弃权0票'])
    await shown(resident, '参加投票：1 户，共 12 户。')
    await shown(resident, '参加的达到了 5%，结果算数。')
    await shown(resident, '您家投的是：赞成')

    const hash = (await resident.locator('.council-proof .council-code').filter({ visible: true }).first().innerText()).trim()
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    const receipt = (await resident.locator('.council-proof__receipt .council-code').filter({ visible: true }).innerText()).trim()
    expect(receipt).toMatch(/^[0-9a-f]{64} yes$/)
    await onScreen(resident, '查看全部投票记录').click()
    await shown(resident, '全部投票记录，共 1 条')
    await shown(resident, '✓ 您家这一票在第 1 条')
    const lines = (await resident.locator('.council-proof__line .council-code').filter({ visible: true }).allInnerTexts()).map((line) => line.trim().replace(/（您家）$/, ''))
    expect(lines).toEqual([receipt])
    // Anyone given the lines can check them: SHA-256 over them, joined by newlines, is the hash published at the close.
    expect(createHash('sha256').update(lines.join('\n')).digest('hex')).toBe(hash)
  })

  test('the committee posts 发布进展; the resident reads it under 消息, and it opens the topic with the update on its timeline', async () => {
    await committee.goto(topicUrl)
    await shown(committee, '投票结果')
    await onScreen(committee, '发布进展').click()
    await onScreen(committee, '已列入计划').click()
    await fillField(committee, '进展', UPDATE)
    await committee.locator('.council-subform .btn', { hasText: /^发布进展$/ }).filter({ visible: true }).click()
    await shown(committee, '落实进展')
    await shown(committee, '落实：已列入计划')

    // 消息 is a tab: from the topic page she goes back to it as she would, by its tab.
    await resident.goto(`${world.url}/#/pages/mine/index`)
    await onScreen(resident, '消息').click()
    const notice = resident.locator('.message', { hasText: '议题有新进展' }).filter({ visible: true })
    await notice.getByText(UPDATE, { exact: true }).click()
    await shown(resident, '落实进展')
    const timeline = resident.locator('.timeline__item', { hasText: UPDATE }).filter({ visible: true })
    await timeline.getByText('已列入计划', { exact: true }).waitFor()
    await shown(resident, '落实：已列入计划')
    await resident.locator('.council-head__title', { hasText: TITLE }).filter({ visible: true }).waitFor()
    const topicId = /[?&]id=([^&]+)/.exec(topicUrl)?.[1]
    expect(resident.url()).toContain(`pages-council/topic/index?id=${topicId}`)
    expect(world.pageErrors).toEqual([])
  })
})
