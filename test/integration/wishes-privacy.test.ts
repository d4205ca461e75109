import type { ActionInput, Message, WishDetail, WishEvent } from '../../types'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { DAY, documents, newKey, P } from '../support/requests'
import { seedHousehold } from '../../local/seed/demo-buildings'
import { recoveredRooms, roomListOf } from '../support/recover-room'

/**
 * Issue 7 Privacy: "nobody sees contact details they are not entitled to — and a masked value must
 * not be recoverable from any other answer", photos through WeChat's media check, and races: "claim
 * vs lapse vs revoke at the same instant ends in one consistent state with a timeline that matches it".
 */
const WISHER = 'demo-resident-c'
const CLAIMER = P.partyMember
const OTHER_MEMBER = 'member-kangle-3'
/** The room is matched alone, never inside a hashed id or a timestamp, which may hold "302" by chance. */
const SECRETS = /赵阿婆|13800000005|(?<![0-9a-f])302(?![0-9a-f])|3号/

let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
  expectOk(await cloud.call(P.committeeKangle, 'wishes', 'updateSettings', { communityId: 'comm-kangle', openPerHousehold: 10 }))
})
afterAll(() => cloud.close())

const form = (over: Partial<ActionInput<'wishes', 'post'>> = {}): ActionInput<'wishes', 'post'> => ({
  idempotencyKey: newKey(), category: 'life', text: '想请人帮忙搬一下阳台上的花盆', photos: [], neededBy: cloud.clock.now() + 10 * DAY,
  delivery: 'home', place: { householdId: seedHousehold('bldg-cq-3', '302') }, ...over,
})
const published = async (over: Partial<ActionInput<'wishes', 'post'>> = {}): Promise<WishDetail> => {
  const posted = expectOk(await cloud.call(WISHER, 'wishes', 'post', form(over)))
  return expectOk(await cloud.call(P.committeeKangle, 'wishes', 'review', { wishId: posted._id, decision: 'publish', summary: '需要有人帮忙搬花盆' }))
}
const detail = async (who: string, wishId: string) => expectOk(await cloud.call(who, 'wishes', 'detail', { wishId }))
const contactReads = async (who: string, wishId: string) => (await documents(Collections.auditLog, { actorId: who, 'subject.id': wishId })).length

describe('contact and place', () => {
  test('masked to the branch until a claim, in full to the claimer with every look logged, masked again after; the members’ list and their notices carry none of it (the wall: wishes-paths)', async () => {
    const wish = await published()
    const seen = await detail(OTHER_MEMBER, wish._id)
    expect(seen).toMatchObject({ place: null, contact: { name: '长*', phone: '138****0005', masked: true } })
    expect(seen.contact).not.toHaveProperty('address')
    const listed = expectOk(await cloud.call(OTHER_MEMBER, 'wishes', 'listForMe', {})).items.find((w) => w._id === wish._id)!
    // 周国庆 lives in 长桥新村2号, the same grid: nearness in the directory's terms, never a distance.
    expect(listed.near).toBe('grid')
    expect(JSON.stringify(listed)).not.toMatch(SECRETS)
    for (const key of ['contact', 'place', 'distanceM']) expect(listed).not.toHaveProperty(key)

    expectOk(await cloud.call(CLAIMER, 'wishes', 'claim', { wishId: wish._id }))
    for (let look = 1; look <= 3; look++) {
      expect((await detail(CLAIMER, wish._id)).contact).toEqual({ name: '长桥居民赵阿婆', phone: '13800000005', address: '长桥新村3号302', masked: false })
      // One entry for the claim's own answer, then one per look.
      expect(await contactReads(CLAIMER, wish._id)).toBe(look + 1)
    }
    expect((await detail(OTHER_MEMBER, wish._id)).contact).toMatchObject({ masked: true })
    expectOk(await cloud.call(CLAIMER, 'wishes', 'release', { wishId: wish._id, reason: '这周要出差' }))
    expect((await detail(CLAIMER, wish._id)).contact).toEqual({ name: '长*', phone: '138****0005', masked: true })
    expect(await contactReads(CLAIMER, wish._id)).toBe(4)

    // What the members were told names the wish by its public summary, never the resident.
    const told = await documents<Message>(Collections.messages, { wishId: wish._id })
    const toOthers = told.filter((m) => m.recipientId !== WISHER)
    expect(toOthers.length).toBeGreaterThan(0)
    expect(toOthers.map((m) => `${m.title} ${m.body}`).join('\n')).not.toMatch(SECRETS)
  })

  test('the reviewers may look at the full contact on purpose, each look logged; nobody else may', async () => {
    const wish = await published({ text: '想请人帮我看看热水器' })
    for (const who of [OTHER_MEMBER, CLAIMER, P.residentB, P.workerKangleA, P.committeeCuihu]) {
      expect(await cloud.call(who, 'wishes', 'revealContact', { wishId: wish._id })).toMatchObject({ ok: false, code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) })
    }
    for (const who of [P.workerKangleB, P.committeeKangle]) {
      expect(expectOk(await cloud.call(who, 'wishes', 'revealContact', { wishId: wish._id }))).toEqual({ name: '长桥居民赵阿婆', phone: '13800000005', address: '长桥新村3号302', masked: false })
      expect(await contactReads(who, wish._id)).toBe(1)
    }
  })

  test('for 送到居委会/党群服务站 even the claimer never gets the address', async () => {
    const wish = await published({ delivery: 'station', category: 'goods', text: '想要一个小书架' })
    const claimed = expectOk(await cloud.call(CLAIMER, 'wishes', 'claim', { wishId: wish._id }))
    expect(claimed.contact).toEqual({ name: '长桥居民赵阿婆', phone: '13800000005', masked: false })
    expectOk(await cloud.call(CLAIMER, 'wishes', 'release', { wishId: wish._id, reason: '测试结束' }))
  })

  test('a resident of elsewhere sees only the public line of a published wish, and nothing of one in review', async () => {
    const inReview = expectOk(await cloud.call(WISHER, 'wishes', 'post', form({ text: '想请人帮我读读报纸' })))
    expect(await cloud.call(P.residentB, 'wishes', 'detail', { wishId: inReview._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const wish = await published({ text: '想请人帮我修收音机' })
    const line = await detail(P.residentB, wish._id)
    expect(line).toMatchObject({ text: null, contact: null, place: null, route: null, photos: [], timeline: [], availableActions: [] })
    expect(JSON.stringify(line)).not.toMatch(SECRETS)
  })

  // Issue 10 (3): the attack (a household id, or a mask, against the building's room list, open to any resident).
  test('nothing a member, a reviewer or a neighbour reads gives the room back through the building’s room list', async () => {
    const wish = await published({ text: '想请人帮我换个灯泡' })
    const rooms = await roomListOf(cloud, 'bldg-cq-3')
    const answers = [
      await cloud.call(OTHER_MEMBER, 'wishes', 'detail', { wishId: wish._id }),
      await cloud.call(OTHER_MEMBER, 'wishes', 'listForMe', {}),
      await cloud.call(P.committeeKangle, 'wishes', 'detail', { wishId: wish._id }),
      await cloud.call(P.committeeKangle, 'wishes', 'listForReview', { queue: 'open' }),
      await cloud.call(P.residentB, 'wishes', 'detail', { wishId: wish._id }),
      await cloud.call(P.newcomer, 'wishes', 'wall', { communityId: 'comm-kangle' }),
    ]
    expect(answers.map((answer) => recoveredRooms(answer, rooms))).toEqual(answers.map(() => []))
    // Where the room is the caller's to see, the attack does find it: the wisher's own detail.
    expect(recoveredRooms(await cloud.call(WISHER, 'wishes', 'detail', { wishId: wish._id }), rooms)).toEqual(['302'])
  })
})

describe('photos go through WeChat\'s media check', () => {
  test('the wish\'s photo: its uploader and the reviewers before the verdict, the branch after a pass; a risky one only the reviewers, the uploader told', async () => {
    const ok = await cloud.uploadPhoto(WISHER)
    const wish = await published({ photos: [ok] })
    expect((await detail(OTHER_MEMBER, wish._id)).photos).toEqual([])
    expect((await detail(WISHER, wish._id)).photos).toEqual([expect.objectContaining({ fileId: ok, state: 'pending', url: expect.any(String) })])
    expect((await detail(P.workerKangleB, wish._id)).photos).toEqual([expect.objectContaining({ fileId: ok, url: expect.any(String) })])
    await cloud.deliverPushes()
    expect((await detail(OTHER_MEMBER, wish._id)).photos).toEqual([expect.objectContaining({ fileId: ok, state: 'pass', url: expect.any(String) })])

    const bad = await cloud.uploadPhoto(WISHER, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('jucun:risky-image'), Buffer.from([0xff, 0xd9])]))
    const risky = await published({ photos: [bad], text: '想请人帮忙修电扇' })
    await cloud.deliverPushes()
    expect((await detail(OTHER_MEMBER, risky._id)).photos).toEqual([])
    expect((await detail(WISHER, risky._id)).photos).toEqual([{ fileId: bad, state: 'hidden', url: null }])
    expect((await detail(P.committeeKangle, risky._id)).photos).toEqual([expect.objectContaining({ fileId: bad, state: 'hidden', url: expect.any(String) })])
  })

  test('a photo not uploaded by the caller to this environment is refused at posting and at fulfilment', async () => {
    const theirs = await cloud.uploadPhoto(P.residentA)
    expect(await cloud.call(WISHER, 'wishes', 'post', form({ photos: [theirs] }))).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: 'photos[0]: not a photo uploaded by you to this environment' })
    const wish = await published({ text: '想请人帮忙挂窗帘' })
    expectOk(await cloud.call(CLAIMER, 'wishes', 'claim', { wishId: wish._id }))
    expect(await cloud.call(CLAIMER, 'wishes', 'fulfil', { wishId: wish._id, note: '挂好了', photos: [theirs] })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect((await detail(CLAIMER, wish._id)).status).toBe('claimed')
    expectOk(await cloud.call(CLAIMER, 'wishes', 'release', { wishId: wish._id, reason: '测试结束' }))
  })
})

describe('races', () => {
  const TRIALS = 8
  test(`claim vs lapse vs revoke vs fulfil at the lock's last instant, ${TRIALS} trials: one consistent state each, its timeline unbroken`, async () => {
    const endings: string[] = []
    for (let trial = 0; trial < TRIALS; trial++) {
      const wish = await published({ text: `想请人帮忙疏通下水道 ${trial}` })
      const claimed = expectOk(await cloud.call(CLAIMER, 'wishes', 'claim', { wishId: wish._id }))
      cloud.clock.advance(claimed.claim!.lockUntil - cloud.clock.now())
      const outcomes = await Promise.all([
        cloud.runTimer('wishes-timer'),
        cloud.call(P.committeeKangle, 'wishes', 'revoke', { wishId: wish._id, reason: '到期未完成' }),
        cloud.call(CLAIMER, 'wishes', 'fulfil', { wishId: wish._id, note: '刚刚疏通好', photos: [] }),
        cloud.call(OTHER_MEMBER, 'wishes', 'claim', { wishId: wish._id }),
      ])
      const events = (await documents<WishEvent>(Collections.wishEvents, { wishId: wish._id })).sort((a, b) => a.seq - b.seq)
      const [stored] = await documents<{ status: string; version: number; claim: { memberId: string } | null }>(Collections.wishes, { _id: wish._id })
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i))
      expect(events.slice(1).every((e, i) => e.from === events[i].to)).toBe(true)
      expect(stored.status).toBe(events.at(-1)!.to)
      expect(stored.version).toBe(events.at(-1)!.seq)
      // The member's live claims are what their slots say.
      const slots = await documents<{ itemId: string }>(Collections.claimSlots, { holder: CLAIMER })
      expect(slots.map((s) => s.itemId)).toEqual(stored.status === 'claimed' && stored.claim?.memberId === CLAIMER ? [wish._id] : [])
      endings.push(`${events.slice(2).map((e) => e.action).join('→')} (${outcomes.filter((o) => o.ok).length} ok)`)
      // End the trial so no cap carries over.
      const now = await detail(P.committeeKangle, wish._id)
      if (now.availableActions.includes('revoke')) expectOk(await cloud.call(P.committeeKangle, 'wishes', 'revoke', { wishId: wish._id, reason: '试验结束' }))
      if ((await detail(WISHER, wish._id)).availableActions.includes('withdraw')) expectOk(await cloud.call(WISHER, 'wishes', 'withdraw', { wishId: wish._id }))
    }
    console.log(`wish races at the lock's end: ${endings.join('; ')}`)
  })
})
