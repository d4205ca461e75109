import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import type { StoredRequest } from '../../cloudfunctions/requests/request-store'
import type { RequestEvent, Result } from '../../types'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { databaseRequestsDuring, DAY, documents, eventsOf, fileAs, filing, HOUR, messagesFor, P } from '../support/requests'

/**
 * What a partial failure leaves behind, and how the next write or run carries on: a step's events go
 * onto the document's timeline in the very update that makes the step, so no crash after it can lose
 * them; a request stored before the timeline was kept there is read from its log, and its next write
 * stores the whole timeline on it; a malformed document (every other item is still reminded, listed
 * and counted).
 */
let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

const db = async () => (await import('../../cloudfunctions/shared/runtime/cloudbase')).database()
const actions = async (id: string) => (await eventsOf(id)).map((e) => e.action)
const logged = (requestId: string) => documents<RequestEvent>(Collections.requestEvents, { requestId })

describe('what a step reads (issue 11): the request once, the caller once, no log, no branches', () => {
  test('an accept, a reply and a rating each read the request beside the caller\'s record and write it once, its events with it', async () => {
    const { _id } = await fileAs(cloud, P.residentA)
    const steps = [
      () => cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: _id }),
      () => cloud.call(P.workerKangleA, 'requests', 'reply', { requestId: _id, text: '电线已整理', photos: [] }),
      // The rating's check (nobody who handled it rates it) reads the timeline: the one on the request.
      () => cloud.call(P.residentA, 'requests', 'rate', { requestId: _id, outcome: 'resolved', satisfaction: 'satisfied' }),
    ]
    for (const step of steps) {
      let answer: Result<{ timeline: unknown[] }> | undefined
      const counted = await databaseRequestsDuring(cloud, async () => (answer = await step()))
      expect(answer).toMatchObject({ ok: true })
      // The timeline is on the document: no log read beside the write, no insert after it.
      expect(counted[Collections.requestEvents]).toBeUndefined()
      // The caller's secretaryships come from the directory a warm instance keeps, not a query per call.
      expect(counted[Collections.branches]).toBeUndefined()
      expect(counted[Collections.requests]).toEqual({ getDocument: 1, modifyDocument: 1 })
      // Whether the caller +1'd it is asked only where +1 is on offer: never of a handler or the resident.
      expect(counted[Collections.requestFollows]).toBeUndefined()
    }
    expect(await actions(_id)).toEqual(['file', 'dispatch', 'accept', 'reply', 'rate'])
    expect(await logged(_id)).toEqual([])
  })
})

describe('a step\'s events go in with its change', () => {
  test('filed: the first events are in the insert itself, the answer shows them, the log holds nothing', async () => {
    const filed = expectOk(await cloud.call(P.residentA, 'requests', 'file', filing({ category: 'environment', text: '3号楼门口垃圾没清' })))
    expect(filed.timeline.map((e) => e.action)).toEqual(['file', 'dispatch'])
    expect(await actions(filed._id)).toEqual(['file', 'dispatch'])
    expect(await logged(filed._id)).toEqual([])
    expect((await messagesFor(P.workerKangleA, filed._id)).map((m) => m.action)).toEqual(['dispatch'])
  })

  test('a write that fails stores neither the change nor its events; the one that goes in stores both', async () => {
    const { _id } = await fileAs(cloud, P.residentA)
    // The request's versioned update fails as a dropped connection would; every other write goes through.
    const query = Object.getPrototypeOf((await db()).collection(Collections.requests).where({})) as { update: (...args: unknown[]) => Promise<unknown> }
    const original = query.update
    const update = jest.spyOn(query, 'update').mockImplementation(function (this: { _coll: string }, ...args: unknown[]) {
      return this._coll === Collections.requests ? Promise.reject(new Error('network reset')) : original.apply(this, args)
    })
    const silenced = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      expect(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: _id })).toMatchObject({ ok: false })
    } finally {
      update.mockRestore()
      silenced.mockRestore()
    }
    const [stored] = await documents<StoredRequest>(Collections.requests, { _id })
    expect(stored).toMatchObject({ status: 'dispatched', version: 1 })
    expect(await actions(_id)).toEqual(['file', 'dispatch'])
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: _id }))
    expect(await actions(_id)).toEqual(['file', 'dispatch', 'accept'])
  })
})

describe('a request stored before its timeline was kept on it', () => {
  /** As deployed data is: no timeline on the document, the events in the log but the latest write's, whose append was lost. */
  async function storedTheOldWay(_id: string): Promise<void> {
    const [stored] = await documents<StoredRequest>(Collections.requests, { _id })
    const latest = new Set(stored.recentEvents.map((e) => e._id))
    const database = await db()
    for (const event of stored.timeline ?? []) if (!latest.has(event._id)) await database.collection(Collections.requestEvents).add(event)
    await database.collection(Collections.requests).doc(_id).update({ timeline: database.command.remove() })
    expect(await eventsOf(_id)).toEqual([])
  }

  test('is read from its log and its latest write; its next write stores the whole timeline on it, and after that no log is read', async () => {
    const { _id } = await fileAs(cloud, P.residentA)
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: _id }))
    await storedTheOldWay(_id)
    expect((await logged(_id)).map((e) => e.action).sort()).toEqual(['dispatch', 'file'])

    const seen = expectOk(await cloud.call(P.residentA, 'requests', 'detail', { requestId: _id }))
    expect(seen.timeline.map((e) => e.action)).toEqual(['file', 'dispatch', 'accept'])

    const counted = await databaseRequestsDuring(cloud, async () =>
      expectOk(await cloud.call(P.workerKangleA, 'requests', 'note', { requestId: _id, note: '已联系物业', visibleTo: 'resident' })),
    )
    expect(counted[Collections.requestEvents]).toEqual({ getDocument: 1 })
    expect(await actions(_id)).toEqual(['file', 'dispatch', 'accept', 'note'])

    const replied = await databaseRequestsDuring(cloud, async () =>
      expect(expectOk(await cloud.call(P.workerKangleA, 'requests', 'reply', { requestId: _id, text: '电线已整理', photos: [] })).timeline.map((e) => e.action))
        .toEqual(['file', 'dispatch', 'accept', 'note', 'reply']),
    )
    expect(replied[Collections.requestEvents]).toBeUndefined()
    expect(await actions(_id)).toEqual(['file', 'dispatch', 'accept', 'note', 'reply'])
  })

  test('the timer steps it as any other: its reminder lands on the whole timeline', async () => {
    const { _id } = await fileAs(cloud, P.residentA, { text: '楼道灯不亮' })
    await storedTheOldWay(_id)
    cloud.clock.advance(1.6 * HOUR)
    expectOk(await cloud.runTimer())
    expect(await actions(_id)).toEqual(['file', 'dispatch', 'remind'])
  })

  test('a list read leaves the timeline out, and a write from a document read without one never overwrites it', async () => {
    // Not a hazard: the timer test below must find nothing of it due.
    const { _id } = await fileAs(cloud, P.residentA, { category: 'environment' })
    // Its latest write's events are the accept's alone: a timeline made of them would lose the filing.
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: _id }))
    const { pageRequests } = await import('../../cloudfunctions/requests/request-queries')
    const { writeTransition } = await import('../../cloudfunctions/requests/request-store')
    const { items } = await pageRequests({ _id }, ['updatedAt', 'desc'], 0, 1)
    expect(items[0]).not.toHaveProperty('timeline')
    expect(await writeTransition(items[0], { ...items[0], updatedAt: items[0].updatedAt + 1, version: items[0].version + 1 }, [])).toBeNull()
    expect(await actions(_id)).toEqual(['file', 'dispatch', 'accept'])
  })
})

describe('during a deploy, a write by a function still on the code before timelines moved onto documents', () => {
  /** What that code wrote for a step: the document's version and its latest events, the event into the log; the timeline untouched. */
  async function oldCodeStep(_id: string, event: RequestEvent): Promise<void> {
    const database = await db()
    await database.collection(Collections.requestEvents).add(event)
    await database.collection(Collections.requests).doc(_id).update({ version: event.seq, recentEvents: database.command.set([event]) })
  }

  test('its steps are on the timeline every reader sees, and the next write puts them on the document', async () => {
    const { _id } = await fileAs(cloud, P.residentA, { category: 'environment', text: '垃圾桶满了' })
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: _id }))
    const [stored] = await documents<StoredRequest>(Collections.requests, { _id })
    const accepted = stored.timeline!.find((e) => e.action === 'accept')!
    // Two steps in a row: the first is then in the log alone, the second in the log and recentEvents.
    for (const seq of [3, 4]) await oldCodeStep(_id, { ...accepted, _id: `${_id}#${seq}`, seq, at: accepted.at + seq })
    const seen = expectOk(await cloud.call(P.residentA, 'requests', 'detail', { requestId: _id }))
    expect(seen.timeline.map((e) => e.at)).toEqual([...stored.timeline!.map((e) => e.at), accepted.at + 3, accepted.at + 4])

    expectOk(await cloud.call(P.workerKangleA, 'requests', 'note', { requestId: _id, note: '已联系环卫', visibleTo: 'resident' }))
    const [after] = await documents<StoredRequest>(Collections.requests, { _id })
    expect(after.timeline!.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5])
    const next = await databaseRequestsDuring(cloud, async () => expectOk(await cloud.call(P.residentA, 'requests', 'detail', { requestId: _id })))
    expect(next[Collections.requestEvents]).toBeUndefined()
  })
})

describe('a malformed request document', () => {
  type Report = { remind: number; failed: number }
  let logged: jest.SpyInstance
  beforeAll(async () => {
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    // Due to the timer long ago, in 康乐一网格 and on 网格员周丽's desk, and missing nearly every field.
    await (await db()).collection(Collections.requests).add({
      _id: 'req-malformed', status: 'accepted', timerDueAt: 0, inboxDueAt: 0, ownerId: P.workerKangleA,
      route: { gridId: 'grid-kangle-1', communityId: 'comm-kangle' }, streetId: 'street-hubin', updatedAt: 0,
    })
  })
  afterAll(() => logged.mockRestore())

  test('the timer still reminds every good item, and says which document it skipped', async () => {
    const hazard = await fileAs(cloud, P.residentA, { text: '配电箱门开着，孩子能碰到' })
    cloud.clock.advance(1.6 * HOUR)
    expect(expectOk((await cloud.runTimer()) as Result<Report>)).toMatchObject({ remind: 1, failed: 0 })
    expect(await actions(hazard._id)).toEqual(['file', 'dispatch', 'remind'])
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('req-malformed'), expect.anything())
  })

  test('the workbench and the dashboard still answer, without it', async () => {
    const inbox = expectOk(await cloud.call(P.workerKangleA, 'requests', 'inbox', {}))
    expect(inbox.items.length).toBeGreaterThan(0)
    expect(inbox.items.map((i) => i._id)).not.toContain('req-malformed')
    const now = cloud.clock.now()
    const board = expectOk(await cloud.call(P.committeeKangle, 'requests', 'dashboard', { scope: { communityId: 'comm-kangle' }, period: { from: now - DAY, to: now + 1 } }))
    expect(board.overdue.map((o) => o.requestId)).not.toContain('req-malformed')
    expect(board.byGrid.length).toBeGreaterThan(0)
  })
})
