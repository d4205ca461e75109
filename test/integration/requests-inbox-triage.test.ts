import type { StoredRequest } from '../../cloudfunctions/requests/request-store'
import { dueTimes } from '../../cloudfunctions/shared/core/request/deadlines'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import type { InboxState, RequestSummary } from '../../types'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { DAY, documents, fileAs, filing, insertCopies, P, POINT_KANGLE_3 } from '../support/requests'

/**
 * Issue 9, triage: an inbox card says where and who (masked) without opening the item, the tabs
 * carry counts the database made, and the owner is not named on her own cards.
 */
let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

async function everyItem(openid: string, filter: { state?: InboxState; urgency?: 'overdue' }): Promise<RequestSummary[]> {
  const seen: RequestSummary[] = []
  for (let cursor: string | undefined, pages = 0; pages < 100; pages++) {
    const page = expectOk(await cloud.call(openid, 'requests', 'inbox', { ...filter, limit: 50, ...(cursor && { cursor }) }))
    seen.push(...page.items)
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }
  return seen
}

function wordsOf(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key === '_id' || key === 'id' ? [] : [value]
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => wordsOf(v, k))
  return []
}

describe('a card names the place and the requester, masked', () => {
  test('a household filing: the building, the surname only, no room and no full phone', async () => {
    const filed = await fileAs(cloud, P.residentA, { category: 'hazard', text: '楼道里电线乱拉', contactPhone: '13912345678' })
    const card = (await everyItem(P.workerKangleA, {})).find((i) => i._id === filed._id)!
    expect(card.place).toBe('康乐小区3号楼')
    expect(card.requester).toBe('康*')
    expect(JSON.stringify(card)).not.toContain('王阿姨')
    expect(JSON.stringify(card)).not.toContain('13912345678')
    // The id is random hex and the times are milliseconds, so either may hold "201" by chance; the room
    // would travel as words, so only the card's words are searched.
    expect(wordsOf(card).filter((words) => words.includes('201'))).toEqual([])
    expect(card).not.toHaveProperty('room')
    expect(card).not.toHaveProperty('householdId')
  })

  test('a point on the map: said so, with its grid or the building it is beside', async () => {
    const filed = await fileAs(cloud, P.residentA, { category: 'environment', text: '路边垃圾没人收', place: { point: POINT_KANGLE_3 } })
    const card = (await everyItem(P.workerKangleA, {})).find((i) => i._id === filed._id)!
    expect(card.place).toMatch(/附近$|^地图上的点/)
  })

  test('代办: the name the committee wrote down, masked; 巡查发现: no requester', async () => {
    const onBehalf = expectOk(
      await cloud.call(P.committeeKangle, 'requests', 'fileOnBehalf', { ...filing({ category: 'hazard', text: '楼下井盖松了' }), resident: { name: '李大爷' } }),
    )
    const proactive = expectOk(await cloud.call(P.workerKangleA, 'requests', 'fileProactive', filing({ category: 'hazard', text: '消防通道被堵' })))
    const cards = await everyItem(P.committeeKangle, {})
    expect(cards.find((i) => i._id === onBehalf._id)).toMatchObject({ requester: '李*' })
    expect(cards.find((i) => i._id === proactive._id)).toMatchObject({ requester: null })
    expect(JSON.stringify(cards)).not.toContain('李大爷')
  })

  test('the owner’s own cards say so instead of naming her; a colleague’s cards name their owner', async () => {
    const mine = (await everyItem(P.workerKangleA, { state: 'inHand' })).filter((i) => i.owner?.id === P.workerKangleA)
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((i) => i.ownedByCaller === true)).toBe(true)
    const seenByCommittee = (await everyItem(P.committeeKangle, {})).filter((i) => i.owner?.id === P.workerKangleA)
    expect(seenByCommittee.every((i) => i.ownedByCaller === undefined)).toBe(true)
  })

  test('the resident’s own list is unchanged: no requester or place fields added', async () => {
    const mine = expectOk(await cloud.call(P.residentA, 'requests', 'listMine', {}))
    expect(mine.items.length).toBeGreaterThan(0)
    expect(mine.items.every((i) => i.requester === undefined && i.place === undefined)).toBe(true)
  })
})

describe('counts', () => {
  beforeAll(async () => {
    const now = cloud.clock.now()
    const filed = await fileAs(cloud, P.residentA, { category: 'property', text: '楼道灯坏了' })
    const [template] = await documents<StoredRequest>(Collections.requests, { _id: filed._id })
    const accepted = (dispatchedAt: number) => ({ status: 'accepted' as const, ownerId: P.workerKangleA, dispatchedAt, respondedAt: dispatchedAt, deadlines: dueTimes('property', dispatchedAt) })
    // 40 accepted, a quarter of them dispatched a month ago (overdue), the rest today.
    await insertCopies(template, Array.from({ length: 40 }, (_, i) => accepted(i % 4 === 0 ? now - 30 * DAY : now - 1000 * i)))
  })

  test.each([P.workerKangleA, P.committeeKangle, P.streetAdmin, P.workerCuihu])('each tab’s count is the number of items that tab lists (%s)', async (openid) => {
    const counts = expectOk(await cloud.call(openid, 'requests', 'inboxCounts', {}))
    expect(counts.overdue).toBe((await everyItem(openid, { urgency: 'overdue' })).length)
    for (const state of ['toAccept', 'inHand', 'awaitingRating'] as const) expect(counts[state]).toBe((await everyItem(openid, { state })).length)
    if (openid === P.workerKangleA || openid === P.workerCuihu) expect(counts.review).toBeNull()
    else expect(counts.review).toBe((await everyItem(openid, { state: 'review' })).length)
  })

  test('the 40 inserted items are counted: at least 10 overdue and 40 in hand for their owner', async () => {
    const counts = expectOk(await cloud.call(P.workerKangleA, 'requests', 'inboxCounts', {}))
    expect(counts.overdue).toBeGreaterThanOrEqual(10)
    expect(counts.inHand).toBeGreaterThanOrEqual(40)
  })
})
