import type { MessageView } from '../../types'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { databaseRequestsDuring, DAY, fileAs, HOUR, newKey, P } from '../support/requests'
import { seedHousehold } from '../../local/seed/demo-buildings'

/**
 * 消息 (issue 9): a message for every decision about a person, unread until the person has seen it
 * (kept on the server), and a call to action that follows the item's state.
 */
const NEWCOMER = 'demo-resident-unbound'
const SECRETARY_KANGLE_3 = 'demo-branch-secretary'
const WISHER = 'demo-resident-c'

let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

const inbox = async (openid: string): Promise<MessageView[]> => expectOk(await cloud.call(openid, 'requests', 'myMessages', { limit: 50 })).items
const unread = async (openid: string) => expectOk(await cloud.call(openid, 'requests', 'unreadMessages', {})).unread
const markRead = async (openid: string, ids: string[]) => expectOk(await cloud.call(openid, 'requests', 'markMessagesRead', { ids }))
const about = (messages: MessageView[], action: MessageView['action']) => messages.filter((m) => m.action === action)

describe('a decision on what a person asked for reaches them on 消息', () => {
  test('a binding approved: the applicant reads it, unread, and a tap opens the binding page', async () => {
    const asked = expectOk(await cloud.call(NEWCOMER, 'directory', 'requestBinding', { householdId: seedHousehold('bldg-kl-3', '202'), name: '林小雨', tenure: 'owner' }))
    expect(about(await inbox(NEWCOMER), 'bindingDecided')).toEqual([])
    expectOk(await cloud.call(P.committeeKangle, 'directory', 'decideBinding', { requestId: asked.requestId, decision: 'approve' }))

    const [decided] = about(await inbox(NEWCOMER), 'bindingDecided')
    expect(decided).toMatchObject({ audience: 'resident', kind: 'progress', title: '住户绑定已通过', page: 'pages-resident/bind/index', unread: true })
    expect(decided.body).toContain('康乐小区3号楼202室')
    // The reviewer is not told of their own decision.
    expect(about(await inbox(P.committeeKangle), 'bindingDecided')).toEqual([])
  })

  test('a binding refused: the applicant reads the reason', async () => {
    const asked = expectOk(await cloud.call(P.residentB, 'directory', 'requestBinding', { householdId: seedHousehold('bldg-ch-6', '101'), name: '陈先生' }))
    expectOk(await cloud.call(P.committeeCuihu, 'directory', 'decideBinding', { requestId: asked.requestId, decision: 'refuse', reason: '该户已登记其他住户' }))
    const [refused] = about(await inbox(P.residentB), 'bindingDecided')
    expect(refused).toMatchObject({ title: '住户绑定没有通过', unread: true })
    expect(refused.body).toContain('该户已登记其他住户')
  })

  test('a party registration verified, and one refused, each reach the member', async () => {
    const registered = expectOk(await cloud.call(NEWCOMER, 'directory', 'registerParty', { branchId: 'br-grid-kangle-3', name: '林小雨' }))
    expectOk(await cloud.call(SECRETARY_KANGLE_3, 'directory', 'verifyParty', { registrationId: registered.registrationId, decision: 'approve' }))
    expect(about(await inbox(NEWCOMER), 'registrationDecided')).toEqual([
      expect.objectContaining({ title: '党员报到已核实', page: 'pages-resident/party/index', unread: true, body: expect.stringContaining('康乐三网格党支部') }),
    ])

    const other = expectOk(await cloud.call(P.residentA, 'directory', 'registerParty', { branchId: 'br-grid-kangle-3', name: '王阿姨' }))
    // A reason as long as a reviewer may write still fits the message (the 报到 page shows it whole).
    const reason = `支部没有您的组织关系${'，请先到原单位党组织开具介绍信'.repeat(12)}`
    expect(reason.length).toBe(190)
    expectOk(await cloud.call(SECRETARY_KANGLE_3, 'directory', 'verifyParty', { registrationId: other.registrationId, decision: 'refuse', reason }))
    expect(about(await inbox(P.residentA), 'registrationDecided')).toEqual([
      expect.objectContaining({ title: '党员报到没有通过', body: expect.stringContaining('支部没有您的组织关系') }),
    ])
  })
})

describe('unread, kept on the server', () => {
  test('the count is what is unread; marking what was shown read lowers it, on every later read', async () => {
    const before = await inbox(NEWCOMER)
    const waiting = before.filter((m) => m.unread)
    expect(waiting.length).toBeGreaterThanOrEqual(2)
    expect(await unread(NEWCOMER)).toBe(waiting.length)

    expect(await markRead(NEWCOMER, [waiting[0]._id])).toEqual({ unread: waiting.length - 1 })
    expect((await inbox(NEWCOMER)).find((m) => m._id === waiting[0]._id)?.unread).toBe(false)
    // Marking again changes nothing; the rest follow.
    expect(await markRead(NEWCOMER, waiting.map((m) => m._id))).toEqual({ unread: 0 })
    expect(await markRead(NEWCOMER, [waiting[0]._id])).toEqual({ unread: 0 })
    expect((await inbox(NEWCOMER)).every((m) => !m.unread)).toBe(true)
  })

  test("a person marks only their own: another's message ids mark nothing", async () => {
    const theirs = (await inbox(P.residentB)).filter((m) => m.unread)
    expect(theirs.length).toBeGreaterThan(0)
    const count = await unread(P.residentB)
    expect(await markRead(P.residentA, theirs.map((m) => m._id))).toEqual({ unread: await unread(P.residentA) })
    expect(await unread(P.residentB)).toBe(count)
    expect((await inbox(P.residentB)).filter((m) => m.unread).map((m) => m._id)).toEqual(theirs.map((m) => m._id))
    // Nor does anyone read another's list: myMessages answers the caller's own.
    expect((await inbox(P.residentA)).map((m) => m._id)).not.toEqual(expect.arrayContaining([theirs[0]._id]))
  })
})

describe('a call to action follows its item', () => {
  test('请评价 waits while the reply does, and reads 已评价 once rated', async () => {
    const filed = await fileAs(cloud, P.residentA)
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: filed._id }))
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'reply', { requestId: filed._id, text: '电线已重新规整', photos: [] }))
    const replyOf = async () => (await inbox(P.residentA)).find((m) => m.requestId === filed._id && m.action === 'reply')
    expect(await replyOf()).toMatchObject({ title: '诉求已答复，请评价', todo: { act: 'rate', state: 'waiting' } })
    // Only the message that asks carries an action.
    expect((await inbox(P.residentA)).find((m) => m.requestId === filed._id && m.action === 'accept')?.todo).toBeUndefined()

    expectOk(await cloud.call(P.residentA, 'requests', 'rate', { requestId: filed._id, outcome: 'resolved', satisfaction: 'satisfied' }))
    // Rated: nothing on the page still asks for it.
    expect(await replyOf()).toMatchObject({ title: '诉求已答复', body: '电线已重新规整', todo: { act: 'rate', state: 'done' } })
  })

  test('a reply left unrated until it closes asks nothing more, and the resident is told it closed', async () => {
    const filed = await fileAs(cloud, P.residentA, { category: 'facility', text: '3号楼门口座椅坏了' })
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: filed._id }))
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'reply', { requestId: filed._id, text: '座椅已更换', photos: [] }))
    cloud.clock.advance(7 * DAY + HOUR)
    expectOk(await cloud.runTimer())
    const about = (await inbox(P.residentA)).filter((m) => m.requestId === filed._id)
    expect(about.find((m) => m.action === 'reply')?.todo).toEqual({ act: 'rate', state: 'moot' })
    expect(about.find((m) => m.action === 'autoClose')).toMatchObject({ title: '诉求 7 天未评价，已结案', unread: true })
  })

  test('a page of many calls to action reads their items in one query, not one per message', async () => {
    for (let i = 0; i < 3; i++) {
      const filed = await fileAs(cloud, P.residentA, { text: `楼道灯坏了 ${i}` })
      expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: filed._id }))
      expectOk(await cloud.call(P.workerKangleA, 'requests', 'reply', { requestId: filed._id, text: '已修好', photos: [] }))
    }
    expect((await inbox(P.residentA)).filter((m) => m.todo?.state === 'waiting')).toHaveLength(3)
    const reads = await databaseRequestsDuring(cloud, () => inbox(P.residentA))
    expect(reads[Collections.requests]).toEqual({ getDocument: 1 })
  })

  test('心愿已完成，请您确认 reads 已确认 once the wisher confirmed', async () => {
    const posted = expectOk(await cloud.call(WISHER, 'wishes', 'post', {
      idempotencyKey: newKey(), category: 'elderlyDisabled', text: '想请人帮忙买一周的降压药', photos: [],
      neededBy: cloud.clock.now() + 10 * DAY, delivery: 'home', place: { householdId: seedHousehold('bldg-cq-3', '302') },
    }))
    expectOk(await cloud.call(P.committeeKangle, 'wishes', 'review', { wishId: posted._id, decision: 'publish', summary: '独居老人需要有人帮忙买药' }))
    expectOk(await cloud.call(P.partyMember, 'wishes', 'claim', { wishId: posted._id }))
    expectOk(await cloud.call(P.partyMember, 'wishes', 'fulfil', { wishId: posted._id, note: '药已送到', photos: [] }))
    const fulfilOf = async () => (await inbox(WISHER)).find((m) => m.wishId === posted._id && m.action === 'fulfil')
    expect((await fulfilOf())?.todo).toEqual({ act: 'confirm', state: 'waiting' })
    expectOk(await cloud.call(WISHER, 'wishes', 'confirm', { wishId: posted._id, thanks: '谢谢', rating: 5 }))
    expect(await fulfilOf()).toMatchObject({ title: '心愿已完成', todo: { act: 'confirm', state: 'done' } })
  })
})

describe('a staff 待审核 message reads 已处理 once anyone decided its item', () => {
  const review = (state: string) => ({ todo: { act: 'review', state } })

  test('a binding asks both committee members; one refuses it, and the other’s message reads 已处理', async () => {
    const asked = expectOk(await cloud.call(P.residentA, 'directory', 'requestBinding', { householdId: seedHousehold('bldg-kl-3', '301'), name: '王秀英' }))
    const askOf = async (openid: string) => about(await inbox(openid), 'bindingWaiting').find((m) => m._id.startsWith(`${asked.requestId}>`))
    expect(await askOf(P.committeeKangle)).toMatchObject({ title: '有居民申请绑定住户，待审核', ...review('waiting') })
    expect(await askOf(P.elderlyKangle)).toMatchObject(review('waiting'))

    expectOk(await cloud.call(P.elderlyKangle, 'directory', 'decideBinding', { requestId: asked.requestId, decision: 'refuse', reason: '该户已有住户登记' }))
    // Decided: nothing on the page still asks for it.
    expect(await askOf(P.committeeKangle)).toMatchObject({ title: '居民申请绑定住户', body: '康乐社区：王秀英 申请绑定住户', ...review('done') })
    expect(await askOf(P.elderlyKangle)).toMatchObject(review('done'))
  })

  test('a wish to 核实 and a 报到 wait for their reviewers until decided; a page reads each collection once, not once per message', async () => {
    const posted = expectOk(await cloud.call(WISHER, 'wishes', 'post', {
      idempotencyKey: newKey(), category: 'elderlyDisabled', text: '想请人陪我去医院复查', photos: [],
      neededBy: cloud.clock.now() + 10 * DAY, delivery: 'home', place: { householdId: seedHousehold('bldg-cq-3', '302') },
    }))
    const registered = expectOk(await cloud.call(P.residentB, 'directory', 'registerParty', { branchId: 'br-grid-kangle-3', name: '陈先生' }))
    const wishAsk = async () => about(await inbox(P.committeeKangle), 'post').find((m) => m.wishId === posted._id)
    const partyAsk = async () => about(await inbox(SECRETARY_KANGLE_3), 'registrationWaiting').find((m) => m._id.startsWith(`${registered.registrationId}>`))
    expect(await wishAsk()).toMatchObject({ title: '有微心愿待核实', ...review('waiting') })
    expect(await partyAsk()).toMatchObject({ title: '有党员报到，待核实', ...review('waiting') })

    const committee = await inbox(P.committeeKangle)
    expect(committee.filter((m) => m.todo?.act === 'review').length).toBeGreaterThanOrEqual(3)
    const reads = await databaseRequestsDuring(cloud, () => inbox(P.committeeKangle))
    expect(reads[Collections.wishes]).toEqual({ getDocument: 1 })
    expect(reads[Collections.bindingRequests]).toEqual({ getDocument: 1 })

    expectOk(await cloud.call(P.committeeKangle, 'wishes', 'review', { wishId: posted._id, decision: 'publish', summary: '独居老人需要有人陪同复查' }))
    expectOk(await cloud.call(SECRETARY_KANGLE_3, 'directory', 'verifyParty', { registrationId: registered.registrationId, decision: 'approve' }))
    expect(await wishAsk()).toMatchObject({ title: '微心愿核实', ...review('done') })
    expect(await partyAsk()).toMatchObject({ title: '党员报到', ...review('done') })
  })
})
