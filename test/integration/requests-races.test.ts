import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { documents, eventsOf, fileAs, filing, P } from '../support/requests'

let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

describe('idempotent filing', () => {
  test('one submit retried 10 times at once: one request, one set of events, the same answer every time', async () => {
    const form = filing({ text: '电梯困人后一直没修好' })
    const answers = await Promise.all(Array.from({ length: 10 }, () => cloud.call(P.residentA, 'requests', 'file', form)))
    const details = answers.map(expectOk)
    expect(new Set(details.map((d) => d._id)).size).toBe(1)
    expect(new Set(details.map((d) => d.createdAt)).size).toBe(1)
    expect(details.every((d) => d.status === 'dispatched' && d.ownerId === P.workerKangleA)).toBe(true)
    const stored = await documents(Collections.requests, { residentId: P.residentA, text: '电梯困人后一直没修好' })
    expect(stored).toHaveLength(1)
    expect((await eventsOf(details[0]._id)).map((e) => e.action)).toEqual(['file', 'dispatch'])
    expect(await documents(Collections.messages, { requestId: details[0]._id, recipientId: P.residentA })).toHaveLength(1)
  })

  test('retried one after another, and again later: still the first answer', async () => {
    const form = filing({ text: '小区门禁坏了' })
    const first = expectOk(await cloud.call(P.residentA, 'requests', 'file', form))
    for (let i = 0; i < 10; i++) expect(expectOk(await cloud.call(P.residentA, 'requests', 'file', form))._id).toBe(first._id)
    expect(await documents(Collections.requests, { text: '小区门禁坏了' })).toHaveLength(1)
  })

  test('the same key from another person is another filing', async () => {
    const form = filing({ text: '同一个键，两个人', place: { point: { lng: 121.4359, lat: 31.1887 } } })
    const mine = expectOk(await cloud.call(P.residentA, 'requests', 'file', form))
    const theirs = expectOk(await cloud.call(P.newcomer, 'requests', 'file', form))
    expect(mine._id).not.toBe(theirs._id)
  })
})

describe('concurrent accepts', () => {
  test('the owner and the committee accept at the same moment: exactly one becomes the owner', async () => {
    for (let round = 0; round < 5; round++) {
      const filed = await fileAs(cloud, P.residentA)
      const outcomes = await Promise.all([
        cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: filed._id }),
        cloud.call(P.committeeKangle, 'requests', 'accept', { requestId: filed._id }),
        cloud.call(P.streetAdmin, 'requests', 'accept', { requestId: filed._id }),
      ])
      const won = outcomes.filter((o) => o.ok)
      expect(won).toHaveLength(1)
      expect(outcomes.filter((o) => !o.ok)).toEqual([expect.objectContaining({ code: 'CONFLICT' }), expect.objectContaining({ code: 'CONFLICT' })])
      const winner = expectOk(won[0])
      const [stored] = await documents<{ ownerId: string; version: number }>(Collections.requests, { _id: filed._id })
      expect(stored).toMatchObject({ ownerId: winner.ownerId, version: 2 })
      expect((await eventsOf(filed._id)).filter((e) => e.action === 'accept')).toHaveLength(1)
    }
  })

  test('an item in the community queue (no owner): grid staff of no grid cannot take it; of two committee takers one wins', async () => {
    // A point just outside every grid lands in the nearest community's queue.
    const queued = await fileAs(cloud, P.newcomer, { place: { point: { lng: 121.4295, lat: 31.19 } } })
    expect(queued).toMatchObject({ ownerId: null, route: { handlerRole: 'communityQueue' }, status: 'dispatched' })
    expect(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: queued._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const outcomes = await Promise.all([
      cloud.call(P.committeeKangle, 'requests', 'accept', { requestId: queued._id }),
      cloud.call(P.elderlyKangle, 'requests', 'accept', { requestId: queued._id }),
    ])
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1)
    const [stored] = await documents<{ ownerId: string }>(Collections.requests, { _id: queued._id })
    expect([P.committeeKangle, P.elderlyKangle]).toContain(stored.ownerId)
  })
})

describe('follow (+1)', () => {
  test('once per person however often they tap, and neighbours tapping at once all count', async () => {
    const filed = await fileAs(cloud, P.residentA, { text: '楼道灯坏了好几天' })
    const taps = await Promise.all(Array.from({ length: 6 }, () => cloud.call(P.partyMember, 'requests', 'follow', { requestId: filed._id })))
    expect(taps.every((t) => t.ok)).toBe(true)
    const others = await Promise.all([P.residentB, P.newcomer, P.workerCuihu].map((who) => cloud.call(who, 'requests', 'follow', { requestId: filed._id })))
    expect(others.every((t) => t.ok)).toBe(true)
    const [stored] = await documents<{ followers: number }>(Collections.requests, { _id: filed._id })
    expect(stored.followers).toBe(4)
    expect(await documents(Collections.requestFollows, { requestId: filed._id })).toHaveLength(4)
    expect((await eventsOf(filed._id)).filter((e) => e.action === 'follow')).toHaveLength(4)
  })

  test('the resident cannot +1 their own request, nor anyone a closed one', async () => {
    const filed = await fileAs(cloud, P.residentA)
    expect(await cloud.call(P.residentA, 'requests', 'follow', { requestId: filed._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expectOk(await cloud.call(P.residentA, 'requests', 'withdraw', { requestId: filed._id }))
    expect(await cloud.call(P.residentB, 'requests', 'follow', { requestId: filed._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})
