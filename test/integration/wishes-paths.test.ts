import type { ActionInput, CreditEntry, Message, Request, WishDetail, WishEvent } from '../../types'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { DAY, documents, HOUR, newKey, P } from '../support/requests'
import { seedHousehold } from '../../local/seed/demo-buildings'

/**
 * 微心愿 end to end through the real SDK (issue 7 Tests: "every path: realised, returned, lapsed and
 * re-claimed, released, revoked, withdrawn, turned into a request"). 赵阿婆 (demo-resident-c) lives in
 * 长桥新村3号302 → 康乐三网格 → 康乐三网格党支部, whose members are 刘建华 (demo-party-member, 双报到
 * from 徐汇区图书馆), 陈志明 (its secretary) and 周国庆; 吴强 is the grid's worker.
 */
const WISHER = 'demo-resident-c'
const HOUSEHOLD = seedHousehold('bldg-cq-3', '302')
const MEMBER = P.partyMember
const SECRETARY = 'demo-branch-secretary'
const OTHER_MEMBER = 'member-kangle-3'
const WORKER = P.workerKangleB
const BRANCH = 'br-grid-kangle-3'

let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

type PostInput = ActionInput<'wishes', 'post'>
const wishForm = (over: Partial<PostInput> = {}): PostInput => ({
  idempotencyKey: newKey(), category: 'elderlyDisabled', text: '腿脚不便，想请人帮忙买一周的降压药', photos: [],
  neededBy: cloud.clock.now() + 10 * DAY, delivery: 'home', place: { householdId: HOUSEHOLD }, ...over,
})
const post = async (over: Partial<PostInput> = {}, who = WISHER) => expectOk(await cloud.call(who, 'wishes', 'post', wishForm(over)))
const publish = async (wish: WishDetail, by: string = P.committeeKangle) =>
  expectOk(await cloud.call(by, 'wishes', 'review', { wishId: wish._id, decision: 'publish', summary: '独居老人需要有人帮忙买药' }))
const detail = async (who: string, wishId: string) => expectOk(await cloud.call(who, 'wishes', 'detail', { wishId }))
const eventsOf = async (wishId: string) => (await documents<WishEvent>(Collections.wishEvents, { wishId })).sort((a, b) => a.seq - b.seq)
const messagesAbout = async (wishId: string) => documents<Message>(Collections.messages, { wishId })
const told = async (wishId: string, action: string) => (await messagesAbout(wishId)).filter((m) => m.action === action).map((m) => m.recipientId).sort()
const creditsOf = (wishId: string) => documents<CreditEntry>(Collections.creditEntries, { wishId })
/** Ends a story's wish so the household's cap (2 open) is free for the next story. */
const settle = async (wishId: string) => {
  const wish = await detail(WISHER, wishId)
  if (wish.availableActions.includes('withdraw')) expectOk(await cloud.call(WISHER, 'wishes', 'withdraw', { wishId }))
}

describe('realised: posted, published, claimed, fulfilled with a photo, confirmed with thanks', () => {
  test('every step lands, the right people hear of each, the ledger credits member, branch and workplace once, and the wall shows it masked', async () => {
    const posted = await post()
    expect(posted).toMatchObject({ status: 'inReview', route: { branchId: BRANCH, gridId: 'grid-kangle-3' }, availableActions: ['withdraw'] })
    expect(await told(posted._id, 'post')).toEqual(['demo-committee-kangle', 'demo-elderly-kangle', WORKER].sort())

    const published = await publish(posted)
    expect(published.status).toBe('published')
    // issue 7: "published → branch members": the members of 康乐三网格党支部 (the reviewer is not told of their own act).
    expect(await told(posted._id, 'publish')).toEqual([MEMBER, SECRETARY, OTHER_MEMBER, WISHER].sort())

    const claimed = expectOk(await cloud.call(MEMBER, 'wishes', 'claim', { wishId: posted._id }))
    expect(claimed).toMatchObject({ status: 'claimed', contact: { name: '长桥居民赵阿婆', phone: '13800000005', address: '长桥新村3号302', masked: false } })
    expect(await told(posted._id, 'claim')).toEqual([WISHER])
    expect((await detail(WISHER, posted._id)).claim).toMatchObject({ claimerName: '党*', mine: false })
    expect(expectOk(await cloud.call(MEMBER, 'wishes', 'myClaims', {})).items.map((w) => [w._id, w.lockUntil])).toEqual([[posted._id, claimed.claim!.lockUntil]])

    const photo = await cloud.uploadPhoto(MEMBER)
    const fulfilled = expectOk(await cloud.call(MEMBER, 'wishes', 'fulfil', { wishId: posted._id, note: '药已买好送到家，老人收下了', photos: [photo] }))
    expect(fulfilled).toMatchObject({ status: 'fulfilled', fulfilment: { note: '药已买好送到家，老人收下了', photos: [{ fileId: photo, state: 'pending' }] } })
    expect(await told(posted._id, 'fulfil')).toEqual([WISHER])
    // Before WeChat's verdict the resident does not see the claimer's photo; after a pass they do.
    expect((await detail(WISHER, posted._id)).fulfilment?.photos).toEqual([])
    await cloud.deliverPushes()
    expect((await detail(WISHER, posted._id)).fulfilment?.photos).toEqual([expect.objectContaining({ fileId: photo, state: 'pass', url: expect.any(String) })])
    expect((await detail(WISHER, posted._id)).availableActions).toEqual(['confirm'])

    // issue 7: "confirm retried 10× credits once".
    const confirms = await Promise.all(Array.from({ length: 10 }, () => cloud.call(WISHER, 'wishes', 'confirm', { wishId: posted._id, thanks: '谢谢小刘，药收到了', rating: 5 })))
    expect(confirms.map((c) => c.ok)).toEqual(Array(10).fill(true))
    expect(expectOk(confirms[0])).toMatchObject({ status: 'realised', confirmation: { via: 'wisher', thanks: '谢谢小刘，药收到了', rating: 5 } })
    const credits = await creditsOf(posted._id)
    expect(credits.map((c) => ({ to: c.to, amount: c.amount })).sort((a, b) => a.to.kind.localeCompare(b.to.kind))).toEqual([
      { to: { kind: 'branch', id: BRANCH }, amount: 1 }, { to: { kind: 'member', id: MEMBER }, amount: 1 }, { to: { kind: 'workplace', name: '徐汇区图书馆' }, amount: 1 },
    ])
    expect(await told(posted._id, 'confirm')).toEqual([MEMBER])
    expect((await eventsOf(posted._id)).map((e) => e.action)).toEqual(['post', 'publish', 'claim', 'fulfil', 'confirm'])

    const record = expectOk(await cloud.call(MEMBER, 'wishes', 'myRecord', {}))
    expect(record.record).toMatchObject({ memberId: MEMBER, realised: 1, lapses: 0, liveClaims: 0 })
    expect(record.lines).toEqual([expect.objectContaining({ wishId: posted._id, summary: '独居老人需要有人帮忙买药', amount: 1 })])

    const wall = expectOk(await cloud.call(P.residentA, 'wishes', 'wall', {}))
    expect(wall.communityName).toBe('康乐社区')
    expect(wall.items).toEqual([{ _id: posted._id, category: 'elderlyDisabled', summary: '独居老人需要有人帮忙买药', branchName: '康乐三网格党支部', realisedAt: expect.any(Number) }])
    // The room alone, not inside a hashed id or a timestamp (a wish's id once held "f3024f7").
    expect(JSON.stringify(wall)).not.toMatch(/赵阿婆|13800000005|(?<![0-9a-f])302(?![0-9a-f])|降压药/)
  })
})

describe('the other ways a wish ends', () => {
  test('returned with a reason the resident reads; nobody else ever sees it', async () => {
    const posted = await post({ category: 'goods', text: '想要一台新电视机' })
    const returned = expectOk(await cloud.call(WORKER, 'wishes', 'review', { wishId: posted._id, decision: 'return', reason: '微心愿是小心愿，电视机请向居委会申请帮扶' }))
    expect(returned).toMatchObject({ status: 'returned', availableActions: [] })
    expect((await detail(WISHER, posted._id)).returnReason).toBe('微心愿是小心愿，电视机请向居委会申请帮扶')
    expect(await told(posted._id, 'return')).toEqual([WISHER])
    expect(await cloud.call(MEMBER, 'wishes', 'detail', { wishId: posted._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  test('withdrawn before a claim; after a claim only a request to cancel, which the claimer agrees to', async () => {
    const early = await post({ category: 'life', text: '想请人帮忙取一下快递' })
    expect(expectOk(await cloud.call(WISHER, 'wishes', 'withdraw', { wishId: early._id, reason: '孩子回来了，不用了' }))).toMatchObject({ status: 'withdrawn' })

    const wish = await publish(await post({ category: 'life', text: '想请人陪我去银行办事' }))
    expectOk(await cloud.call(MEMBER, 'wishes', 'claim', { wishId: wish._id }))
    expect(await cloud.call(WISHER, 'wishes', 'withdraw', { wishId: wish._id })).toMatchObject({ ok: false, code: 'CONFLICT' })
    const asked = expectOk(await cloud.call(WISHER, 'wishes', 'requestCancel', { wishId: wish._id, reason: '女儿周末回来陪我去' }))
    expect(asked).toMatchObject({ status: 'claimed', cancelRequest: { reason: '女儿周末回来陪我去' }, availableActions: [] })
    expect(await told(wish._id, 'requestCancel')).toEqual([MEMBER])
    const seen = await detail(MEMBER, wish._id)
    expect(seen.availableActions).toEqual(expect.arrayContaining(['agreeCancel', 'release', 'fulfil']))
    expect(expectOk(await cloud.call(MEMBER, 'wishes', 'agreeCancel', { wishId: wish._id }))).toMatchObject({ status: 'withdrawn', claim: null, contact: { masked: true } })
    expect(await told(wish._id, 'agreeCancel')).toEqual([WISHER])
    expect(await documents(Collections.claimSlots, { holder: MEMBER })).toEqual([])
  })

  test('revoked by the committee with a reason the claimer is told; it is back on the wall for another member', async () => {
    const wish = await publish(await post({ category: 'health', text: '想请人陪我去医院复查' }))
    expectOk(await cloud.call(MEMBER, 'wishes', 'claim', { wishId: wish._id }))
    expect(await cloud.call(WISHER, 'wishes', 'revoke', { wishId: wish._id, reason: '不想要他' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const revoked = expectOk(await cloud.call(P.committeeKangle, 'wishes', 'revoke', { wishId: wish._id, reason: '三天没有联系老人，换人认领' }))
    expect(revoked).toMatchObject({ status: 'published', claim: null })
    expect(await told(wish._id, 'revoke')).toEqual([MEMBER, WISHER].sort())
    expect((await detail(MEMBER, wish._id)).contact).toMatchObject({ masked: true })
    expect(expectOk(await cloud.call(OTHER_MEMBER, 'wishes', 'claim', { wishId: wish._id }))).toMatchObject({ status: 'claimed', claim: { mine: true } })
    expectOk(await cloud.call(OTHER_MEMBER, 'wishes', 'release', { wishId: wish._id, reason: '测试结束' }))
    await settle(wish._id)
  })

  test('turned into a 有困难找居村 request: filed for the resident, linked both ways, once however often it is asked', async () => {
    const posted = await post({ category: 'other', text: '楼道的灯坏了一个月了，晚上看不见' })
    const first = await cloud.call(P.committeeKangle, 'wishes', 'convert', { wishId: posted._id, category: 'facility' })
    const converted = expectOk(first)
    expect(converted).toMatchObject({ status: 'converted', convertedTo: expect.stringMatching(/^req-/) })
    const requestId = converted.convertedTo!
    const [request] = await documents<Request>(Collections.requests, { _id: requestId })
    expect(request).toMatchObject({ residentId: WISHER, category: 'facility', filedBy: { kind: 'fromWish', staffId: P.committeeKangle, wishId: posted._id }, status: 'dispatched' })
    expect(expectOk(await cloud.call(WISHER, 'requests', 'listMine', {})).items.map((r) => r._id)).toContain(requestId)
    expect(await told(posted._id, 'convert')).toEqual([WISHER])
    // Asked again by the same reviewer: the same request; by another: the wish has already changed.
    expect(expectOk(await cloud.call(P.committeeKangle, 'wishes', 'convert', { wishId: posted._id, category: 'facility' })).convertedTo).toBe(requestId)
    expect(await cloud.call(WORKER, 'wishes', 'convert', { wishId: posted._id, category: 'hazard' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await documents(Collections.requests, { 'filedBy.wishId': posted._id })).toHaveLength(1)
  })
})

describe('the timer: lapse and re-claim, the 7-day check, widening, expiry', () => {
  test('reminded 24 h before, lapsed at the lock: counted on the member, told to resident and secretary, claimed again by another', async () => {
    const wish = await publish(await post({ category: 'life', text: '想请人帮忙修一下门锁' }))
    const claimed = expectOk(await cloud.call(MEMBER, 'wishes', 'claim', { wishId: wish._id }))
    cloud.clock.advance(claimed.claim!.lockUntil - cloud.clock.now() - 24 * HOUR)
    expect(expectOk(await cloud.runTimer('wishes-timer'))).toMatchObject({ remindLapse: 1 })
    expect(await told(wish._id, 'remindLapse')).toEqual([MEMBER])
    cloud.clock.advance(24 * HOUR)
    expect(expectOk(await cloud.runTimer('wishes-timer'))).toMatchObject({ lapse: 1 })
    const lapsed = await detail(WISHER, wish._id)
    expect(lapsed).toMatchObject({ status: 'published', claim: null })
    expect(await told(wish._id, 'lapse')).toEqual([MEMBER, SECRETARY, WISHER].sort())
    expect((await detail(MEMBER, wish._id)).contact).toMatchObject({ masked: true })
    expect(expectOk(await cloud.call(MEMBER, 'wishes', 'myRecord', {})).record).toMatchObject({ lapses: 1, liveClaims: 0 })
    const overview = expectOk(await cloud.call(SECRETARY, 'wishes', 'branchOverview', {}))
    expect(overview.lapsed.map((w) => w._id)).toContain(wish._id)
    expect(overview.members.find((m) => m.memberId === MEMBER)).toMatchObject({ lapses: 1 })
    expect(expectOk(await cloud.call(OTHER_MEMBER, 'wishes', 'claim', { wishId: wish._id }))).toMatchObject({ status: 'claimed' })
    expect((await eventsOf(wish._id)).map((e) => e.action)).toEqual(['post', 'publish', 'claim', 'remindLapse', 'lapse', 'claim'])
    expectOk(await cloud.call(OTHER_MEMBER, 'wishes', 'release', { wishId: wish._id, reason: '测试结束' }))
    await settle(wish._id)
  })

  test('no confirmation in 7 days: the grid worker is asked, and confirms after a visit — the claimer never can', async () => {
    const wish = await publish(await post({ category: 'goods', text: '想要一把轮椅，方便下楼晒太阳' }))
    expectOk(await cloud.call(MEMBER, 'wishes', 'claim', { wishId: wish._id }))
    expectOk(await cloud.call(MEMBER, 'wishes', 'fulfil', { wishId: wish._id, note: '轮椅已送到居委会，老人取走了', photos: [] }))
    cloud.clock.advance(7 * DAY)
    expect(expectOk(await cloud.runTimer('wishes-timer'))).toMatchObject({ askToCheck: 1 })
    expect(await told(wish._id, 'askToCheck')).toEqual([WORKER])
    expect(await cloud.call(MEMBER, 'wishes', 'confirmByVisit', { wishId: wish._id, via: 'visit', note: '我自己确认' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(expectOk(await cloud.call(WORKER, 'wishes', 'listForReview', { queue: 'confirm' })).items.map((w) => w._id)).toContain(wish._id)
    const visited = expectOk(await cloud.call(WORKER, 'wishes', 'confirmByVisit', { wishId: wish._id, via: 'visit', note: '上门看过，轮椅在用' }))
    expect(visited).toMatchObject({ status: 'realised', confirmation: { via: 'visit' } })
    expect((await creditsOf(wish._id)).filter((c) => c.to.kind === 'member')).toHaveLength(1)
  })

  test('unclaimed for 3 days it widens and the secretary is told; past its day nobody took it expires and the resident is told', async () => {
    const wish = await publish(await post({ category: 'study', text: '孙子开学想要一个新书包', delivery: 'station', neededBy: cloud.clock.now() + 5 * DAY }))
    cloud.clock.advance(3 * DAY)
    expect(expectOk(await cloud.runTimer('wishes-timer'))).toMatchObject({ widen: 1 })
    expect(await told(wish._id, 'widen')).toEqual([SECRETARY])
    expect((await detail(WISHER, wish._id)).audience).toBe('community')
    cloud.clock.advance(3 * DAY)
    expect(expectOk(await cloud.runTimer('wishes-timer'))).toMatchObject({ expire: 1 })
    expect(await detail(WISHER, wish._id)).toMatchObject({ status: 'expired', availableActions: [] })
    expect(await told(wish._id, 'expire')).toEqual([WISHER])
    expect(await cloud.call(MEMBER, 'wishes', 'claim', { wishId: wish._id })).toMatchObject({ ok: false })
  })
})

describe('limits and the ledger', () => {
  test('two open wishes a household by default, held under concurrency; a repeat of a category is marked for the reviewer; the committee may change the cap', async () => {
    const open = async () => (await documents<{ status: string }>(Collections.wishes, { 'place.householdId': HOUSEHOLD })).filter((w) => ['inReview', 'published', 'claimed', 'fulfilled'].includes(w.status)).length
    expect(await open()).toBe(0)
    const outcomes = await Promise.all(Array.from({ length: 5 }, (_, i) => cloud.call(WISHER, 'wishes', 'post', wishForm({ category: 'life', text: `想请人帮忙买菜 ${i}` }))))
    expect(outcomes.filter((o) => o.ok)).toHaveLength(2)
    expect(outcomes.filter((o) => !o.ok)).toEqual(Array(3).fill(expect.objectContaining({ code: 'CONFLICT' })))
    expect(await open()).toBe(2)
    const [first, second] = outcomes.flatMap((o) => (o.ok ? [o.data] : []))
    // The second of the same category within 90 days carries the mark; the first may or may not (they raced).
    const marks = await Promise.all([first, second].map(async (w) => (await detail(WORKER, w._id)).marks!.map((m) => m.kind)))
    expect(marks.some((kinds) => kinds.includes('repeatCategory'))).toBe(true)
    expect((await detail(WORKER, first._id)).householdRecent!.map((r) => r._id)).toContain(second._id)

    expectOk(await cloud.call(WISHER, 'wishes', 'withdraw', { wishId: first._id }))
    const third = await post({ category: 'goods', text: '想要一个电热水壶' })
    expect(await cloud.call(P.committeeCuihu, 'wishes', 'updateSettings', { communityId: 'comm-kangle', openPerHousehold: 3 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(expectOk(await cloud.call(P.committeeKangle, 'wishes', 'updateSettings', { communityId: 'comm-kangle', openPerHousehold: 3 }))).toEqual({ communityId: 'comm-kangle', openPerHousehold: 3 })
    expect(expectOk(await cloud.call(WORKER, 'wishes', 'settings', { communityId: 'comm-kangle' }))).toEqual({ communityId: 'comm-kangle', openPerHousehold: 3 })
    const fourth = await post({ category: 'goods', text: '想要一个台灯' })
    for (const wish of [second, third, fourth]) await settle(wish._id)
    expectOk(await cloud.call(P.committeeKangle, 'wishes', 'updateSettings', { communityId: 'comm-kangle', openPerHousehold: 2 }))
  })

  test('a credit is reversed only by compensating entries with a reason, once, by the committee', async () => {
    const wish = await publish(await post({ category: 'goods', text: '想要一副老花镜' }))
    expectOk(await cloud.call(OTHER_MEMBER, 'wishes', 'claim', { wishId: wish._id }))
    expectOk(await cloud.call(OTHER_MEMBER, 'wishes', 'fulfil', { wishId: wish._id, note: '老花镜送到了', photos: [] }))
    const realised = expectOk(await cloud.call(WISHER, 'wishes', 'confirm', { wishId: wish._id }))
    expect(realised.canReverseCredit).toBe(false)
    expect((await detail(P.committeeKangle, wish._id)).canReverseCredit).toBe(true)
    expect(await cloud.call(OTHER_MEMBER, 'wishes', 'reverseCredit', { wishId: wish._id, reason: '我不要积分' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(expectOk(await cloud.call(P.committeeKangle, 'wishes', 'reverseCredit', { wishId: wish._id, reason: '核查发现老花镜是居民自己买的' }))).toEqual({ reversed: 2 })
    expect(expectOk(await cloud.call(P.committeeKangle, 'wishes', 'reverseCredit', { wishId: wish._id, reason: '再撤一次' }))).toEqual({ reversed: 0 })
    const entries = await creditsOf(wish._id)
    expect(entries.reduce((sum, e) => sum + e.amount, 0)).toBe(0)
    expect(entries.filter((e) => e.amount < 0)).toEqual(Array(2).fill(expect.objectContaining({ reason: '核查发现老花镜是居民自己买的', by: P.committeeKangle })))
    expect(expectOk(await cloud.call(OTHER_MEMBER, 'wishes', 'myRecord', {})).record.realised).toBe(0)
  })

  test('rankings are by confirmed fulfilment in a period, for the community\'s members and staff', async () => {
    const period = { from: cloud.clock.now() - 60 * DAY, to: cloud.clock.now() + 1 }
    const members = expectOk(await cloud.call(MEMBER, 'wishes', 'ranking', { communityId: 'comm-kangle', kind: 'member', period }))
    // 刘建华: the medicine, and the wheelchair the grid worker confirmed; 周国庆's glasses were reversed.
    expect(members.find((l) => l.id === MEMBER)).toMatchObject({ name: '党员刘建华', fulfilments: 2 })
    expect(members.find((l) => l.id === OTHER_MEMBER)).toBeUndefined()
    const branches = expectOk(await cloud.call(P.committeeKangle, 'wishes', 'ranking', { communityId: 'comm-kangle', kind: 'branch', period }))
    expect(branches.find((l) => l.id === BRANCH)).toMatchObject({ name: '康乐三网格党支部' })
    expect(await cloud.call(P.residentB, 'wishes', 'ranking', { communityId: 'comm-kangle', kind: 'member', period })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('signals per branch and grid: every unit of the scope named, even with nothing posted', async () => {
    const period = { from: cloud.clock.now() - 60 * DAY, to: cloud.clock.now() + 1 }
    const signals = expectOk(await cloud.call(P.committeeKangle, 'wishes', 'signals', { scope: { communityId: 'comm-kangle' }, period }))
    expect(signals.byGrid.map((g) => g.gridName)).toEqual(['康乐一网格', '康乐二网格', '康乐三网格', '康乐四网格'])
    const kangle3 = signals.byBranch.find((b) => b.branchId === BRANCH)!.signals
    expect(kangle3.posted).toBe(14)
    expect(kangle3.realised).toBe(3)
    expect(kangle3.lapses).toBe(1)
    expect(kangle3.medianHoursToClaim).not.toBeNull()
    expect(signals.byGrid.find((g) => g.gridId === 'grid-kangle-1')!.signals).toMatchObject({ posted: 0, medianHoursToClaim: null })
    expect(await cloud.call(WORKER, 'wishes', 'signals', { scope: { communityId: 'comm-kangle' }, period })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
