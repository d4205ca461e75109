import { wishActions, type ActionInput, type WishDetail, type WishEvent } from '../../types'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { countAll, DAY, documents, HOUSEHOLD_A, newKey, P, POINT_KANGLE_3 } from '../support/requests'
import { seedHousehold } from '../../local/seed/demo-buildings'

/**
 * The first wired slice of 微心愿 (issue 7): post → review → claim → release through the real SDK.
 * 王阿姨 (demo-resident-a) lives in 康乐小区3号楼201 → 康乐一网格 → 康乐一网格党支部 (br-grid-kangle-1),
 * whose seeded member is 王建国 (member-kangle-1); 刘建华 (demo-party-member) is of 康乐三网格党支部.
 */
const BRANCH = 'br-grid-kangle-1'
const MEMBER = 'member-kangle-1'
const CLAIMANTS = 60
const TRIALS = 10
const claimants = Array.from({ length: CLAIMANTS }, (_, i) => `test-member-k1-${i}`)

let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
  // Verified party members of the branch, straight into the directory as a verification leaves them.
  const db = (await import('../../cloudfunctions/shared/runtime/cloudbase')).database()
  const at = cloud.clock.now()
  await db.collection(Collections.users).add(claimants.map((_id, i) => ({
    _id, name: `党员${i}`, phone: `139${String(i).padStart(8, '0')}`, staff: {}, party: { branchId: BRANCH, status: 'verified', verifiedAt: at }, createdAt: at,
  })))
  // These stories post many wishes from one household: the committee lifts its cap (default 2 open).
  expectOk(await cloud.call(P.committeeKangle, 'wishes', 'updateSettings', { communityId: 'comm-kangle', openPerHousehold: 10 }))
})
afterAll(() => cloud.close())

type PostInput = ActionInput<'wishes', 'post'>
const wishForm = (over: Partial<PostInput> = {}): PostInput => ({
  idempotencyKey: newKey(), category: 'elderlyDisabled', text: '腿脚不便，想请人帮忙买一周的降压药', photos: [],
  neededBy: cloud.clock.now() + 10 * DAY, delivery: 'home', place: { householdId: HOUSEHOLD_A }, ...over,
})
const postAs = async (who: string, over: Partial<PostInput> = {}) => expectOk(await cloud.call(who, 'wishes', 'post', wishForm(over)))
const publish = async (wish: WishDetail, by: string = P.workerKangleA) =>
  expectOk(await cloud.call(by, 'wishes', 'review', { wishId: wish._id, decision: 'publish', summary: '老人需要有人帮忙买药' }))
const eventsOf = async (wishId: string) => (await documents<WishEvent>(Collections.wishEvents, { wishId })).sort((a, b) => a.seq - b.seq)

describe('a wish from posting to a second claim', () => {
  test('post → publish → a member of the branch claims → releases → another claims; contact masked until the claim', async () => {
    const posted = await postAs(P.residentA)
    expect(posted).toMatchObject({
      status: 'inReview', place: { householdId: HOUSEHOLD_A }, contact: { name: '康乐居民王阿姨', masked: false },
      route: { communityId: 'comm-kangle', gridId: 'grid-kangle-1', branchId: BRANCH, rule: 'centreHousehold' }, availableActions: ['withdraw'],
    })
    // In review nobody but the wisher and the reviewers knows of it.
    expect(await cloud.call(MEMBER, 'wishes', 'detail', { wishId: posted._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await cloud.call(MEMBER, 'wishes', 'claim', { wishId: posted._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })

    const published = await publish(posted)
    expect(published).toMatchObject({ status: 'published', summary: '老人需要有人帮忙买药', audience: 'branch' })
    expect(published.widenAt).toBe(published.publishedAt! + 3 * DAY)

    const seen = expectOk(await cloud.call(MEMBER, 'wishes', 'detail', { wishId: posted._id }))
    expect(seen).toMatchObject({ text: posted.text, place: null, contact: { name: '康*', phone: '138****0001', masked: true }, availableActions: ['claim'] })
    expect(seen.contact).not.toHaveProperty('address')
    expect(expectOk(await cloud.call(MEMBER, 'wishes', 'listForMe', {})).items.map((w) => w._id)).toContain(posted._id)

    const claimed = expectOk(await cloud.call(MEMBER, 'wishes', 'claim', { wishId: posted._id }))
    expect(claimed).toMatchObject({
      status: 'claimed', claim: { mine: true, claimerName: '王建国' },
      contact: { name: '康乐居民王阿姨', phone: '13800000001', address: '康乐小区3号楼201', masked: false },
    })
    expect(claimed.claim!.lockUntil).toBe(claimed.claim!.at + 7 * DAY)
    expect(await documents(Collections.auditLog, { actorId: MEMBER, 'subject.id': posted._id })).toHaveLength(1)
    expect(expectOk(await cloud.call(P.residentA, 'wishes', 'detail', { wishId: posted._id })).claim).toMatchObject({ mine: false, claimerName: '王*' })
    expect(expectOk(await cloud.call(MEMBER, 'wishes', 'listForMe', {})).items.map((w) => w._id)).not.toContain(posted._id)

    const released = expectOk(await cloud.call(MEMBER, 'wishes', 'release', { wishId: posted._id, reason: '临时出差，去不了了' }))
    expect(released).toMatchObject({ status: 'published', claim: null, contact: { name: '康*', masked: true } })
    expect(released.contact).not.toHaveProperty('address')

    const again = expectOk(await cloud.call(claimants[0], 'wishes', 'claim', { wishId: posted._id }))
    expect(again).toMatchObject({ status: 'claimed', claim: { mine: true }, contact: { masked: false } })
    expect(expectOk(await cloud.call(MEMBER, 'wishes', 'detail', { wishId: posted._id })).contact).toMatchObject({ masked: true })
    expect((await eventsOf(posted._id)).map((e) => [e.action, e.to])).toEqual([
      ['post', 'inReview'], ['publish', 'published'], ['claim', 'claimed'], ['release', 'published'], ['claim', 'claimed'],
    ])
    expect(expectOk(await cloud.call(P.residentA, 'wishes', 'listMine', {})).items[0]).toMatchObject({ _id: posted._id, status: 'claimed', claimed: true })
  })

  test('a retried post answers the first wish; a flagged text is held in review with a mark the reviewer sees', async () => {
    const form = wishForm({ text: '想要一个新书包' })
    const answers = await Promise.all(Array.from({ length: 5 }, () => cloud.call(P.residentA, 'wishes', 'post', form)))
    expect(new Set(answers.map((a) => expectOk(a)._id)).size).toBe(1)
    expect(await documents(Collections.wishes, { text: '想要一个新书包' })).toHaveLength(1)
    expect(await eventsOf(expectOk(answers[0])._id)).toHaveLength(1)

    const flagged = await postAs(P.residentA, { text: '帮忙代开发票', category: 'goods' })
    expect(flagged.status).toBe('inReview')
    const reviewed = expectOk(await cloud.call(P.workerKangleA, 'wishes', 'detail', { wishId: flagged._id }))
    expect(reviewed.marks).toEqual([expect.objectContaining({ kind: 'contentFlag' })])
    expect(flagged).not.toHaveProperty('marks')
    // The summary others read is screened before anything is written.
    expect(await cloud.call(P.workerKangleA, 'wishes', 'review', { wishId: flagged._id, decision: 'publish', summary: '办假证' })).toMatchObject({ ok: false, code: 'CONTENT_BLOCKED' })
    expect(expectOk(await cloud.call(P.workerKangleA, 'wishes', 'detail', { wishId: flagged._id })).status).toBe('inReview')
  })
})

describe('rights', () => {
  test('a resident cannot claim; a member of another branch cannot before the wish widens, and can after', async () => {
    const wish = await publish(await postAs(P.residentA))
    expect(await cloud.call(P.residentB, 'wishes', 'claim', { wishId: wish._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call(P.newcomer, 'wishes', 'claim', { wishId: wish._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call(P.residentB, 'wishes', 'listForMe', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // 刘建华 is of 康乐三网格党支部: the wish is 康乐一网格's until it widens to 康乐社区大党委.
    expect(await cloud.call(P.partyMember, 'wishes', 'claim', { wishId: wish._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(expectOk(await cloud.call(P.partyMember, 'wishes', 'detail', { wishId: wish._id }))).toMatchObject({ text: null, contact: null, availableActions: [] })
    expect(expectOk(await cloud.call(P.partyMember, 'wishes', 'listForMe', {})).items.map((w) => w._id)).not.toContain(wish._id)
    // Three days unclaimed: the timer widens it to 康乐社区大党委.
    cloud.clock.advance(3 * DAY)
    expectOk(await cloud.runTimer('wishes-timer'))
    expect((await eventsOf(wish._id)).map((e) => e.action)).toEqual(['post', 'publish', 'widen'])
    expect(expectOk(await cloud.call(P.partyMember, 'wishes', 'listForMe', {})).items.map((w) => w._id)).toContain(wish._id)
    expect(expectOk(await cloud.call(P.partyMember, 'wishes', 'claim', { wishId: wish._id }))).toMatchObject({ status: 'claimed', claim: { mine: true } })
  })

  test('nobody reviews or claims their own wish', async () => {
    // 黄主任 is 康乐's committee and a member of its 大党委.
    const own = await postAs(P.committeeKangle, { place: { point: POINT_KANGLE_3 }, delivery: 'station' })
    expect(await cloud.call(P.committeeKangle, 'wishes', 'review', { wishId: own._id, decision: 'publish', summary: '需要帮忙' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await publish(own, P.elderlyKangle)
    // 刘建华 posts at his own household in 康乐三网格, whose branch he is of.
    const his = await publish(await postAs(P.partyMember, { place: { householdId: seedHousehold('bldg-cq-2', '201') } }), P.committeeKangle)
    expect(his.route).toMatchObject({ branchId: 'br-grid-kangle-3' })
    expect(await cloud.call(P.partyMember, 'wishes', 'claim', { wishId: his._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect((await eventsOf(his._id)).map((e) => e.action)).toEqual(['post', 'publish'])
  })

  test('a committee of another community, a resident, a grid worker of another grid cannot review', async () => {
    const wish = await postAs(P.residentA)
    for (const who of [P.committeeCuihu, P.residentB, P.workerKangleB, P.partyMember]) {
      expect(await cloud.call(who, 'wishes', 'review', { wishId: wish._id, decision: 'return', reason: '不属于本社区' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    }
    const returned = expectOk(await cloud.call(P.committeeKangle, 'wishes', 'review', { wishId: wish._id, decision: 'return', reason: '请写清楚需要什么' }))
    expect(returned).toMatchObject({ status: 'returned', returnReason: '请写清楚需要什么' })
    expect(expectOk(await cloud.call(P.residentA, 'wishes', 'detail', { wishId: wish._id })).returnReason).toBe('请写清楚需要什么')
  })

  test('a resident posts only at their own household', async () => {
    expect(await cloud.call(P.residentB, 'wishes', 'post', wishForm())).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('the wishes contract at its edge', () => {
  const written = [Collections.wishes, Collections.wishEvents, Collections.auditLog, Collections.users]
  const wishId = 'wish-00000000000000000000000000000000'
  const long = (n: number) => '好'.repeat(n)
  const form = { idempotencyKey: 'k-bad-wish-1', category: 'goods', text: '想要书包', photos: [], neededBy: 1, delivery: 'home', place: { householdId: HOUSEHOLD_A } }
  const malformedForEveryAction: unknown[] = [null, 'post', 42, [], { unexpected: true }]
  const malformedByAction: Record<keyof typeof wishActions, unknown[]> = {
    post: [
      { ...form, idempotencyKey: 'short' }, { ...form, category: 'money' }, { ...form, text: '' }, { ...form, text: long(501) },
      { ...form, photos: Array.from({ length: 4 }, (_, i) => `cloud://p/${i}.jpg`) }, { ...form, photos: ['https://evil.example/x.jpg'] },
      { ...form, neededBy: -1 }, { ...form, delivery: 'post' }, { ...form, place: { point: { lng: 999, lat: 31 } } }, { ...form, status: 'published' },
      { ...form, neededBy: undefined },
    ],
    listMine: [{ limit: 0 }, { limit: 51 }, { cursor: 5 }],
    detail: [{}, { wishId: '' }, { wishId: 'x'.repeat(65) }],
    revealContact: [{}, { wishId: '' }, { wishId, fields: ['phone'] }],
    review: [{ wishId, decision: 'approve' }, { wishId, decision: 'publish' }, { wishId, decision: 'publish', summary: long(61) }, { wishId, decision: 'return' }, { wishId, decision: 'return', reason: '   ' }],
    convert: [{ wishId }, { wishId, category: 'wish' }, { wishId, category: 'hazard', requestId: 'req-1' }],
    listForMe: [{ branchId: BRANCH }, { limit: 500 }],
    myClaims: [{ memberId: MEMBER }, { limit: 0 }],
    myRecord: [{ memberId: MEMBER }],
    claim: [{}, { wishId, memberId: MEMBER }, { wishId: 7 }],
    release: [{ wishId }, { wishId, reason: '' }, { wishId, reason: long(201) }],
    revoke: [{ wishId }, { wishId, reason: ' ' }],
    fulfil: [{ wishId }, { wishId, note: '' }, { wishId, note: '送到了', photos: Array.from({ length: 4 }, (_, i) => `cloud://p/${i}.jpg`) }, { wishId, note: long(501), photos: [] }],
    confirm: [{}, { wishId, rating: 6 }, { wishId, rating: 0 }, { wishId, rating: 4.5 }, { wishId, thanks: '' }, { wishId, thanks: long(201) }, { wishId, by: MEMBER }],
    confirmByVisit: [{ wishId, note: '去过了' }, { wishId, via: 'letter', note: '去过了' }, { wishId, via: 'visit', note: '' }],
    withdraw: [{}, { wishId, reason: '' }, { wishId, reason: long(201) }],
    requestCancel: [{ wishId }, { wishId, reason: '' }],
    agreeCancel: [{}, { wishId, note: long(201) }],
    listForReview: [{}, { queue: 'all' }, { queue: 'review', limit: 51 }],
    branchOverview: [{ branchId: '' }, { branchId: BRANCH, extra: 1 }],
    wall: [{ communityId: '' }, { limit: 0 }],
    ranking: [{}, { communityId: 'comm-kangle', kind: 'grid', period: { from: 0, to: 1 } }, { communityId: 'comm-kangle', kind: 'member', period: { from: 2, to: 1 } }],
    reverseCredit: [{ wishId }, { wishId, reason: '' }],
    signals: [{}, { scope: { gridId: 'grid-kangle-1' } }, { scope: { planet: 'x' }, period: { from: 0, to: 1 } }, { scope: { gridId: 'grid-kangle-1' }, period: { from: 0, to: 400 * DAY } }],
    settings: [{}, { communityId: '' }],
    updateSettings: [{ communityId: 'comm-kangle' }, { communityId: 'comm-kangle', openPerHousehold: 0 }, { communityId: 'comm-kangle', openPerHousehold: 11 }, { communityId: 'comm-kangle', openPerHousehold: 2.5 }],
  }

  test.each(Object.keys(wishActions))('%s answers INVALID_INPUT to malformed input and changes nothing', async (action) => {
    const before = await countAll(written)
    for (const input of [...malformedForEveryAction, ...malformedByAction[action as keyof typeof wishActions]]) {
      for (const caller of [P.residentA, MEMBER, P.committeeKangle]) {
        const result = await cloud.callRaw(caller, 'wishes', { action, input })
        expect({ input, result }).toMatchObject({ input, result: { ok: false, code: 'INVALID_INPUT' } })
      }
    }
    expect(await countAll(written)).toEqual(before)
  })

  test('a needed-by date already past is INVALID_INPUT and posts nothing; an unknown action and a missing caller are told apart', async () => {
    const before = await countAll(written)
    expect(await cloud.call(P.residentA, 'wishes', 'post', wishForm({ neededBy: cloud.clock.now() - 2 * DAY }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await countAll(written)).toEqual(before)
    expect(await cloud.callRaw(P.residentA, 'wishes', { action: 'vote', input: { wishId } })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    expect(await cloud.call(null, 'wishes', 'listMine', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })
})

describe('concurrent claims', () => {
  test(`${CLAIMANTS} members of the branch tap 认领 at once, over ${TRIALS} wishes: exactly one winner each, the rest CONFLICT, one claim event`, async () => {
    const winners: string[] = []
    for (let trial = 0; trial < TRIALS; trial++) {
      const wish = await publish(await postAs(P.residentA, { text: `需要有人帮忙修门锁 ${trial}` }))
      // A different order each trial, so the first to start is not always the same member.
      const order = claimants.map((who, i) => ({ who, key: (i * 7919 + trial * 104729) % CLAIMANTS })).sort((a, b) => a.key - b.key).map((c) => c.who)
      const outcomes = await Promise.all(order.map((who) => cloud.call(who, 'wishes', 'claim', { wishId: wish._id })))
      const won = outcomes.flatMap((o, i) => (o.ok ? [order[i]] : []))
      expect(won).toHaveLength(1)
      expect(outcomes.filter((o) => !o.ok).map((o) => (o.ok ? null : o.code))).toEqual(Array(CLAIMANTS - 1).fill('CONFLICT'))
      const [stored] = await documents<{ status: string; version: number; claim: { memberId: string } }>(Collections.wishes, { _id: wish._id })
      expect(stored).toMatchObject({ status: 'claimed', version: 2, claim: { memberId: won[0] } })
      expect((await eventsOf(wish._id)).filter((e) => e.action === 'claim')).toEqual([expect.objectContaining({ actorId: won[0], seq: 2 })])
      // The answer is prepared beside the write (transition.ts): only the winner's look at the contact is logged.
      expect(await documents(Collections.auditLog, { 'subject.id': wish._id, action: 'contact.read' })).toEqual([expect.objectContaining({ actorId: won[0] })])
      winners.push(won[0])
      // Given back, so no member comes near the cap of 3 live claims across the trials, and withdrawn, so the household's cap holds none of them.
      expectOk(await cloud.call(won[0], 'wishes', 'release', { wishId: wish._id, reason: '测试后放弃' }))
      expectOk(await cloud.call(P.residentA, 'wishes', 'withdraw', { wishId: wish._id }))
    }
    console.log(`wishes race: ${TRIALS} trials × ${CLAIMANTS} claimants, ${TRIALS} winners in all (one per trial), ${new Set(winners).size} distinct members among them, ${TRIALS * (CLAIMANTS - 1)} CONFLICT answers`)
  })
})

describe('at most 3 live claims a member', () => {
  // claimants[0] still holds the claim of the first story; this one holds none.
  const member = claimants[CLAIMANTS - 1]
  test('one member claiming 6 wishes at once holds exactly 3; a retry on one held keeps it; a release frees a place', async () => {
    expect(await documents(Collections.claimSlots, { holder: member })).toEqual([])
    const wishes = await Promise.all(Array.from({ length: 6 }, (_, i) => postAs(P.residentA, { text: `想请人帮忙取快递 ${i}` })))
    for (const wish of wishes) await publish(wish)
    const outcomes = await Promise.all(wishes.map((wish) => cloud.call(member, 'wishes', 'claim', { wishId: wish._id })))
    const held = wishes.filter((_, i) => outcomes[i].ok)
    expect(held).toHaveLength(3)
    expect(outcomes.filter((o) => !o.ok)).toEqual(Array(3).fill(expect.objectContaining({ ok: false, code: 'CONFLICT' })))
    expect(await documents(Collections.claimSlots, { holder: member })).toHaveLength(3)

    // Tapping 认领 again on a wish already held is refused and leaves the member holding all three.
    expect(await cloud.call(member, 'wishes', 'claim', { wishId: held[0]._id })).toMatchObject({ ok: false })
    expect(await documents(Collections.claimSlots, { holder: member })).toHaveLength(3)
    const waiting = wishes.find((_, i) => !outcomes[i].ok)!
    expect(await cloud.call(member, 'wishes', 'claim', { wishId: waiting._id })).toMatchObject({ ok: false, code: 'CONFLICT' })

    expectOk(await cloud.call(member, 'wishes', 'release', { wishId: held[0]._id, reason: '这周出差，做不了' }))
    expectOk(await cloud.call(member, 'wishes', 'claim', { wishId: waiting._id }))
    for (const wish of [held[1], held[2], waiting]) expectOk(await cloud.call(member, 'wishes', 'release', { wishId: wish._id, reason: '测试后放弃' }))
    for (const wish of wishes) expectOk(await cloud.call(P.residentA, 'wishes', 'withdraw', { wishId: wish._id }))
    expect(await documents(Collections.claimSlots, { holder: member })).toEqual([])
  })

  test('a slot left behind by a claim that ended without giving it back does not lock the member out', async () => {
    const db = (await import('../../cloudfunctions/shared/runtime/cloudbase')).database()
    // Left a while ago: a slot just taken may belong to a claim still in flight, and is kept.
    const at = cloud.clock.now() - 2 * 60_000
    await db.collection(Collections.claimSlots).add([1, 2, 3].map((n) => ({ _id: `${member}#${n}`, holder: member, itemId: `gone-${n}`, at })))
    const wish = await publish(await postAs(P.residentA, { text: '想请人帮忙换灯泡' }))
    expectOk(await cloud.call(member, 'wishes', 'claim', { wishId: wish._id }))
    expect((await documents<{ itemId: string }>(Collections.claimSlots, { holder: member })).map((s) => s.itemId)).toEqual([wish._id])
    expectOk(await cloud.call(member, 'wishes', 'release', { wishId: wish._id, reason: '测试后放弃' }))
  })
})
