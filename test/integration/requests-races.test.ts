import * as store from '../../cloudfunctions/requests/request-store'
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
    const [stored] = await documents<{ followers: number; version: number }>(Collections.requests, { _id: filed._id })
    expect(stored).toMatchObject({ followers: 4, version: filed.version })
    expect(await documents(Collections.requestFollows, { requestId: filed._id })).toHaveLength(4)
  })

  test('a +1 landing between a handler’s read and write: the accept still goes through', async () => {
    const filed = await fileAs(cloud, P.residentA, { text: '电梯门关不上' })
    const read = store.loadRequest
    // The accept reads the request; before it writes, a neighbour's +1 is done.
    const load = jest.spyOn(store, 'loadRequest').mockImplementationOnce(async (id) => {
      const before = await read(id)
      expectOk(await cloud.call(P.residentB, 'requests', 'follow', { requestId: id }))
      return before
    })
    try {
      expect(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: filed._id })).toMatchObject({ ok: true, data: { status: 'accepted' } })
    } finally {
      load.mockRestore()
    }
    const [stored] = await documents<{ followers: number; ownerId: string }>(Collections.requests, { _id: filed._id })
    expect(stored).toMatchObject({ followers: 1, ownerId: P.workerKangleA })
  })

  test('+1s at the moment a handler accepts: the accept goes through, and every +1 counts', async () => {
    for (let round = 0; round < 5; round++) {
      const filed = await fileAs(cloud, P.residentA, { text: `电梯按钮失灵 ${round}` })
      const neighbours = [P.residentB, P.newcomer, P.workerCuihu, P.partyMember]
      const [accepted, ...taps] = await Promise.all([
        cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: filed._id }),
        ...neighbours.map((who) => cloud.call(who, 'requests', 'follow', { requestId: filed._id })),
      ])
      expect(accepted).toMatchObject({ ok: true, data: { status: 'accepted', ownerId: P.workerKangleA } })
      expect(taps.every((t) => t.ok)).toBe(true)
      const [stored] = await documents<{ followers: number; status: string }>(Collections.requests, { _id: filed._id })
      expect(stored).toMatchObject({ followers: 4, status: 'accepted' })
    }
  })

  test('a +1 recorded whose count never landed is counted when they tap again', async () => {
    const filed = await fileAs(cloud, P.residentA, { text: '楼下路灯一直闪' })
    // What a failed count update used to leave behind: the record, and the count one short.
    const db = (await import('../../cloudfunctions/shared/runtime/cloudbase')).database()
    await db.collection(Collections.requestFollows).add({ _id: `${filed._id}:${P.residentB}`, requestId: filed._id, userId: P.residentB, at: cloud.clock.now() })
    expect(expectOk(await cloud.call(P.residentB, 'requests', 'follow', { requestId: filed._id }))).toEqual({ requestId: filed._id, followers: 1, following: true })
    const [stored] = await documents<{ followers: number }>(Collections.requests, { _id: filed._id })
    expect(stored.followers).toBe(1)
  })

  test('the resident cannot +1 their own request, nor anyone a closed one', async () => {
    const filed = await fileAs(cloud, P.residentA)
    expect(await cloud.call(P.residentA, 'requests', 'follow', { requestId: filed._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expectOk(await cloud.call(P.residentA, 'requests', 'withdraw', { requestId: filed._id }))
    expect(await cloud.call(P.residentB, 'requests', 'follow', { requestId: filed._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})
