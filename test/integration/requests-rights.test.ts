import type { ActionInput } from '../../types'
import { StoredRequest } from '../../cloudfunctions/requests/request-store'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { documents, fileAs, HOUSEHOLD_A, insertCopies, P, POINT_KANGLE_3 } from '../support/requests'
import { seedHousehold } from '../../local/seed/demo-buildings'

/**
 * Who may do what to 王阿姨's request (康乐一网格, owner 网格员周丽): role × action × own / other, each
 * cell on a fresh request in the state where the action is possible at all. A refusal changes nothing.
 */
let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

const roles = {
  'the resident (own)': P.residentA,
  'another resident': P.residentB,
  'the owner (grid worker)': P.workerKangleA,
  'a grid worker of other grids': P.workerCuihu,
  'the committee of its community': P.committeeKangle,
  'the committee of another community': P.committeeCuihu,
  'the street admin': P.streetAdmin,
} as const
type Role = keyof typeof roles
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND'
type Stage = 'dispatched' | 'accepted' | 'replied' | 'inReview'
type RequestAction = 'detail' | 'withdraw' | 'accept' | 'note' | 'transfer' | 'escalate' | 'refer' | 'reply' | 'rate' | 'recordCallback' | 'follow' | 'review'

/** A request in the stage an action needs. */
async function requestIn(stage: Stage): Promise<string> {
  if (stage === 'inReview') return (await fileAs(cloud, P.residentA, { text: '有人在楼道贴代开发票的小广告' }))._id
  const { _id } = await fileAs(cloud, P.residentA)
  if (stage === 'dispatched') return _id
  expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: _id }))
  if (stage === 'replied') expectOk(await cloud.call(P.workerKangleA, 'requests', 'reply', { requestId: _id, text: '已处理', photos: [] }))
  return _id
}

const inputs: { [A in RequestAction]: [Stage, (requestId: string) => ActionInput<'requests', A>] } = {
  detail: ['dispatched', (requestId) => ({ requestId })],
  withdraw: ['dispatched', (requestId) => ({ requestId })],
  accept: ['dispatched', (requestId) => ({ requestId })],
  follow: ['dispatched', (requestId) => ({ requestId })],
  note: ['accepted', (requestId) => ({ requestId, note: '进展', visibleTo: 'staff' })],
  transfer: ['accepted', (requestId) => ({ requestId, toUserId: P.propertyCuihu, note: '请协助' })],
  escalate: ['accepted', (requestId) => ({ requestId, level: 'community', coHandlerIds: [], note: '吹哨' })],
  refer: ['accepted', (requestId) => ({ requestId, scope: 'court' })],
  reply: ['accepted', (requestId) => ({ requestId, text: '已办结', photos: [] })],
  rate: ['replied', (requestId) => ({ requestId, outcome: 'resolved', satisfaction: 'satisfied' })],
  recordCallback: ['replied', (requestId) => ({ requestId, reached: true, note: '电话回访' })],
  review: ['inReview', (requestId) => ({ requestId, decision: 'release' })],
}

const ok = 'ok'
const F = 'FORBIDDEN'
const N = 'NOT_FOUND'
/** Columns in the order of `roles`: resident, other resident, owner, other worker, committee, other committee, street. */
const matrix: Record<RequestAction, Outcome[]> = {
  detail: [ok, N, ok, N, ok, N, ok],
  // Outsiders may +1 an open request, so they learn it exists: refused, not hidden.
  withdraw: [ok, F, F, F, F, F, F],
  accept: [F, F, ok, F, ok, F, ok],
  follow: [F, ok, F, ok, F, ok, F],
  note: [F, F, ok, F, ok, F, ok],
  transfer: [F, F, ok, F, ok, F, ok],
  escalate: [F, F, ok, F, ok, F, F],
  refer: [F, F, ok, F, ok, F, ok],
  reply: [F, F, ok, F, ok, F, F],
  rate: [ok, N, F, N, F, N, F],
  // Issue 10 (1): the 回访 is made by someone who did not handle the item, so never by its owner.
  recordCallback: [F, N, F, N, ok, N, ok],
  // Content review is the committee's and the street's; a flagged item is hidden from everyone else outside.
  review: [F, N, F, N, ok, N, ok],
}

const cells = (Object.entries(matrix) as [RequestAction, Outcome[]][]).flatMap(([action, outcomes]) =>
  (Object.keys(roles) as Role[]).map((role, i) => [`${action} × ${role} → ${outcomes[i]}`, action, role, outcomes[i]] as const),
)

test.each(cells)('%s', async (_label, action, role, expected) => {
  const [stage, input] = inputs[action]
  const requestId = await requestIn(stage)
  const [before] = await documents<{ version: number; followers: number }>(Collections.requests, { _id: requestId })
  const result = await cloud.call(roles[role], 'requests', action, input(requestId) as never)
  expect(result.ok ? ok : result.code).toBe(expected)
  const [after] = await documents<{ version: number; followers: number }>(Collections.requests, { _id: requestId })
  // A +1 is counted beside the versioned fields (it must not make a handler's write a CONFLICT).
  const moved = (d: typeof before) => (action === 'follow' ? d.followers : d.version)
  if (expected !== ok || action === 'detail') expect(after).toEqual(before)
  else expect(moved(after)).toBeGreaterThan(moved(before))
})

/**
 * Each action reads the request it names beside the caller's record, before their rights are known
 * (function-entry preloads), and a note or reply counts its photos then. A request the caller may not
 * know of must still answer exactly as an id that names nothing, and a photo counted ahead goes back.
 */
describe('a request read ahead of the rights check tells no one it exists', () => {
  const preloaded = ['detail', 'withdraw', 'accept', 'note', 'transfer', 'escalate', 'refer', 'reply', 'rate', 'recordCallback', 'follow', 'review'] as const
  test.each([['another resident', P.residentB], ['a grid worker of other grids', P.workerCuihu]])('%s: a replied request of someone else answers as a missing one, for every action', async (_who, openid) => {
    const requestId = await requestIn('replied')
    const photo = await cloud.uploadPhoto(openid)
    const counters = () => documents<object>(Collections.rateCounters, { _id: `photo~${openid}` })
    const countedBefore = await counters()
    const withPhotos = (action: (typeof preloaded)[number], id: string) => {
      const input = inputs[action][1](id) as Record<string, unknown>
      return action === 'note' || action === 'reply' ? { ...input, photos: [photo] } : input
    }
    for (const action of preloaded) {
      const hidden = await cloud.call(openid, 'requests', action, withPhotos(action, requestId) as never)
      const missing = await cloud.call(openid, 'requests', action, withPhotos(action, `${requestId.slice(0, -4)}0000`) as never)
      expect([action, hidden]).toEqual([action, { ok: false, code: 'NOT_FOUND', message: expect.any(String) }])
      expect([action, hidden]).toEqual([action, missing])
    }
    expect(await counters()).toEqual(countedBefore)
  })
})

describe('lists: each sees their own and their territory, nothing else', () => {
  let requestId: string
  beforeAll(async () => {
    requestId = await requestIn('accepted')
  })
  /** Every page of the open work, following the cursor. */
  async function inInbox(openid: string): Promise<boolean> {
    const seen: string[] = []
    for (let cursor: string | undefined, pages = 0; pages < 50; pages++) {
      const page = expectOk(await cloud.call(openid, 'requests', 'inbox', { limit: 50, ...(cursor && { cursor }) }))
      seen.push(...page.items.map((i) => i._id))
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    expect(new Set(seen).size).toBe(seen.length)
    return seen.includes(requestId)
  }

  test.each<[Role, boolean]>([
    ['the owner (grid worker)', true], ['a grid worker of other grids', false],
    ['the committee of its community', true], ['the committee of another community', false], ['the street admin', true],
  ])('workbench inbox of %s: %s', async (role, sees) => {
    expect(await inInbox(roles[role])).toBe(sees)
  })

  // Issue 9: a resident has no inbox at all. It used to answer an empty list, and the workbench offered it.
  test.each<Role>(['the resident (own)', 'another resident'])('the inbox refuses %s', async (role) => {
    expect(await cloud.call(roles[role], 'requests', 'inbox', { limit: 50 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('my requests: the resident’s own only', async () => {
    expect(expectOk(await cloud.call(P.residentA, 'requests', 'listMine', {})).items.map((i) => i._id)).toContain(requestId)
    expect(expectOk(await cloud.call(P.residentB, 'requests', 'listMine', {})).items.map((i) => i._id)).not.toContain(requestId)
  })

  test('the review queue is the committee’s: a grid worker asking for it is refused', async () => {
    expect(await cloud.call(P.workerKangleA, 'requests', 'inbox', { state: 'review' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expectOk(await cloud.call(P.committeeKangle, 'requests', 'inbox', { state: 'review' }))
  })
})

describe('dashboards and filing for others: within the caller’s territory only', () => {
  const period = { from: 0, to: 86_400_000 * 300 }
  test.each<[string, string, { gridId: string } | { communityId: string } | { streetId: string }, Outcome]>([
    ['grid worker, own grid', P.workerKangleA, { gridId: 'grid-kangle-1' }, ok],
    ['grid worker, another grid', P.workerCuihu, { gridId: 'grid-kangle-1' }, F],
    ['grid worker, the community', P.workerKangleA, { communityId: 'comm-kangle' }, F],
    ['committee, a grid of theirs', P.committeeKangle, { gridId: 'grid-kangle-1' }, ok],
    ['committee, own community', P.committeeKangle, { communityId: 'comm-kangle' }, ok],
    ['committee, another community', P.committeeCuihu, { communityId: 'comm-kangle' }, F],
    ['committee, the street', P.committeeKangle, { streetId: 'street-hubin' }, F],
    ['street admin, the street', P.streetAdmin, { streetId: 'street-hubin' }, ok],
    ['resident, own grid', P.residentA, { gridId: 'grid-kangle-1' }, F],
    ['anyone, a grid that does not exist', P.streetAdmin, { gridId: 'grid-nowhere' }, N],
  ])('dashboard: %s → %s', async (_label, openid, scope, expected) => {
    const result = await cloud.call(openid, 'requests', 'dashboard', { scope, period: { from: Date.now() - period.to, to: Date.now() + 1 } })
    expect(result.ok ? ok : result.code).toBe(expected)
  })

  test.each<[string, string, Outcome]>([
    ['the grid’s worker', P.workerKangleA, ok],
    ['another grid’s worker', P.workerCuihu, F],
    ['the community’s committee', P.committeeKangle, ok],
    ['another community’s committee', P.committeeCuihu, F],
    ['the street admin', P.streetAdmin, ok],
    ['a resident', P.residentB, F],
  ])('代办 at a 康乐一网格 household by %s → %s', async (_label, openid, expected) => {
    const result = await cloud.call(openid, 'requests', 'fileOnBehalf', {
      idempotencyKey: `behalf-${openid}`, category: 'facility', text: '路灯不亮', photos: [], place: { householdId: seedHousehold('bldg-kl-3', '102') }, resident: { name: '李大爷' },
    })
    expect(result.ok ? ok : result.code).toBe(expected)
  })

  test('a resident files only at their own bound household (or a point)', async () => {
    const elsewhere = await cloud.call(P.residentB, 'requests', 'file', { idempotencyKey: 'not-my-door-1', category: 'hazard', text: '电线乱拉', photos: [], place: { householdId: seedHousehold('bldg-kl-3', '201') } })
    expect(elsewhere).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call(P.newcomer, 'requests', 'file', { idempotencyKey: 'not-my-door-2', category: 'hazard', text: '电线乱拉', photos: [], place: { householdId: seedHousehold('bldg-kl-3', '201') } })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

/**
 * Issue 10 (1): 回访考评 is the resident's word on the work, or an independent 回访 call's; never the
 * word of whoever filed or handled the item. The attempts refused here leave the grid's 满意率 where it was.
 */
describe('nobody rates their own work', () => {
  const rating = { outcome: 'resolved', satisfaction: 'satisfied' } as const
  const callback = { reached: true, note: '电话回访，居民满意' }
  /** The grid's ratings on its dashboard (filing and accepting move the other counts). */
  const board = async () => {
    const { total } = expectOk(await cloud.call(P.committeeKangle, 'requests', 'dashboard', { scope: { gridId: 'grid-kangle-1' }, period: { from: Date.now() - 300 * 86_400_000, to: Date.now() + 86_400_000 } }))
    return { rated: total.rated, resolved: total.resolved, partly: total.partly, satisfied: total.satisfied, satisfactionRate: total.satisfactionRate }
  }
  let before: Awaited<ReturnType<typeof board>>
  beforeAll(async () => {
    before = await board()
  })

  const versionOf = async (requestId: string) => (await documents<{ version: number }>(Collections.requests, { _id: requestId }))[0].version
  const refused = async (openid: string, requestId: string, action: 'rate' | 'recordCallback') => {
    const version = await versionOf(requestId)
    const answer = await cloud.call(openid, 'requests', action, { requestId, ...(action === 'rate' ? rating : callback) })
    expect(answer).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/不能由您来评价或记录回访/) })
    expect(await versionOf(requestId)).toBe(version)
  }
  const replyAs = async (openid: string, requestId: string) => {
    expectOk(await cloud.call(openid, 'requests', 'accept', { requestId }))
    return expectOk(await cloud.call(openid, 'requests', 'reply', { requestId, text: '已处理', photos: [] }))
  }

  test('a grid worker who filed 代办 naming themselves, accepted and replied, may not rate it nor see the button', async () => {
    // Filing so is refused now (fileOnBehalf); an item stored that way before is still not theirs to rate.
    const { _id } = await fileAs(cloud, P.residentA)
    const [template] = await documents<StoredRequest>(Collections.requests, { _id })
    const [selfFiled] = await insertCopies(StoredRequest.parse(template), [
      { residentId: P.workerKangleA, filedBy: { kind: 'onBehalf', staffId: P.workerKangleA, residentName: '周丽' } },
    ])
    const replied = await replyAs(P.workerKangleA, selfFiled)
    expect(replied.availableActions).not.toContain('rate')
    await refused(P.workerKangleA, selfFiled, 'rate')
  })

  test('a committee member who filed 代办 naming no one, accepted and replied, may neither rate it nor record its 回访', async () => {
    const filed = expectOk(await cloud.call(P.committeeKangle, 'requests', 'fileOnBehalf', {
      idempotencyKey: `self-rate-${Date.now()}`, category: 'facility', text: '路灯不亮', photos: [], place: { householdId: seedHousehold('bldg-kl-3', '102') }, resident: { name: '李大爷' },
    }))
    const replied = await replyAs(P.committeeKangle, filed._id)
    expect(replied.availableActions).toEqual(expect.not.arrayContaining(['rate', 'reopen', 'recordCallback']))
    await refused(P.committeeKangle, filed._id, 'rate')
    await refused(P.committeeKangle, filed._id, 'recordCallback')
  })

  test('a committee member brought in as co-handler may not rate the 回访 of an item with no resident account', async () => {
    const filed = expectOk(await cloud.call(P.workerKangleA, 'requests', 'fileOnBehalf', {
      idempotencyKey: `co-rate-${Date.now()}`, category: 'facility', text: '座椅坏了', photos: [], place: { householdId: seedHousehold('bldg-kl-3', '102') }, resident: { name: '李大爷' },
    }))
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: filed._id }))
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'transfer', { requestId: filed._id, toUserId: P.elderlyKangle, note: '请协助' }))
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'reply', { requestId: filed._id, text: '已修好', photos: [] }))
    await refused(P.elderlyKangle, filed._id, 'rate')
    await refused(P.workerKangleA, filed._id, 'recordCallback')
  })

  test('a committee member who replied to a resident’s request may not record its 回访; the resident rates it', async () => {
    const { _id } = await fileAs(cloud, P.residentA)
    await replyAs(P.committeeKangle, _id)
    await refused(P.committeeKangle, _id, 'recordCallback')
    expect(await board()).toEqual(before)
    expect(expectOk(await cloud.call(P.residentA, 'requests', 'rate', { requestId: _id, ...rating })).status).toBe('closed')
  })

  test('the refused attempts left the grid’s 满意率 as it was; a colleague who handled nothing takes the 回访', async () => {
    expect(await board()).toMatchObject({ rated: before.rated + 1, satisfied: before.satisfied + 1 })
    const filed = expectOk(await cloud.call(P.committeeKangle, 'requests', 'fileOnBehalf', {
      idempotencyKey: `colleague-rate-${Date.now()}`, category: 'facility', text: '门禁坏了', photos: [], place: { householdId: seedHousehold('bldg-kl-3', '102') }, resident: { name: '李大爷' },
    }))
    await replyAs(P.workerKangleA, filed._id)
    const detail = expectOk(await cloud.call(P.elderlyKangle, 'requests', 'detail', { requestId: filed._id }))
    expect(detail.availableActions).toEqual(expect.arrayContaining(['rate', 'recordCallback']))
    expectOk(await cloud.call(P.elderlyKangle, 'requests', 'recordCallback', { requestId: filed._id, ...callback }))
    expect(expectOk(await cloud.call(P.elderlyKangle, 'requests', 'rate', { requestId: filed._id, ...rating })).status).toBe('closed')
  })

  /**
   * A colleague whose only step was an internal note is neither owner, co-handler nor replier: the
   * timeline alone names them. It is on the document now; a request stored before that has it in the log.
   */
  const notedByColleague = async (key: string) => {
    const filed = expectOk(await cloud.call(P.workerKangleA, 'requests', 'fileOnBehalf', {
      idempotencyKey: `${key}-${Date.now()}`, category: 'facility', text: '楼道灯坏了', photos: [], place: { householdId: seedHousehold('bldg-kl-3', '102') }, resident: { name: '李大爷' },
    }))
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: filed._id }))
    expectOk(await cloud.call(P.elderlyKangle, 'requests', 'note', { requestId: filed._id, note: '我去看过，灯座松了', visibleTo: 'staff' }))
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'reply', { requestId: filed._id, text: '已修好', photos: [] }))
    return filed._id
  }
  const refusedEverywhere = async (requestId: string) => {
    const detail = expectOk(await cloud.call(P.elderlyKangle, 'requests', 'detail', { requestId }))
    expect(detail.availableActions).toEqual(expect.not.arrayContaining(['rate', 'reopen', 'recordCallback']))
    await refused(P.elderlyKangle, requestId, 'rate')
    await refused(P.elderlyKangle, requestId, 'recordCallback')
  }

  test('a colleague who only wrote a note on it may not rate it nor record its 回访: the timeline on the request names them', async () => {
    const requestId = await notedByColleague('noted-rate')
    const [stored] = await documents<StoredRequest>(Collections.requests, { _id: requestId })
    expect(stored.timeline?.map((e) => e.action)).toContain('note')
    expect(stored.recentEvents.map((e) => e.action)).toEqual(['reply'])
    await refusedEverywhere(requestId)
  })

  test('so does the log of a request stored before its timeline was kept on it', async () => {
    const requestId = await notedByColleague('noted-rate-old')
    const [stored] = await documents<StoredRequest>(Collections.requests, { _id: requestId })
    const latest = new Set(stored.recentEvents.map((e) => e._id))
    const { cloudbaseApp } = await import('../../cloudfunctions/shared/runtime/cloudbase')
    const database = cloudbaseApp().database()
    for (const event of stored.timeline ?? []) if (!latest.has(event._id)) await database.collection(Collections.requestEvents).add(event)
    await database.collection(Collections.requests).doc(requestId).update({ timeline: database.command.remove() })
    await refusedEverywhere(requestId)
    expect(await board()).toMatchObject({ rated: before.rated + 2 })
  })
})

/**
 * Issue 10 (2): a 代办 that names an account hands it the item, its phone and room in full, and the rating.
 * The account must be bound to the household filed at (at a point: to a household of the point's grid),
 * and never be the filer's own. A refusal stores nothing.
 */
describe('代办 names only the household’s own account', () => {
  const HOUSEHOLD_KL_3_102 = seedHousehold('bldg-kl-3', '102')
  type Place = { householdId: string } | { point: typeof POINT_KANGLE_3 }
  test.each<[string, Outcome, string, string, Place]>([
    ['a grid worker names themselves', F, P.workerKangleA, P.workerKangleA, { householdId: HOUSEHOLD_KL_3_102 }],
    ['a committee member names themselves', F, P.committeeKangle, P.committeeKangle, { householdId: HOUSEHOLD_A }],
    ['a resident bound elsewhere (翠湖苑)', F, P.workerKangleA, P.residentB, { householdId: HOUSEHOLD_KL_3_102 }],
    ['a resident of the building, but another room', F, P.workerKangleA, P.residentA, { householdId: HOUSEHOLD_KL_3_102 }],
    ['a resident with no approved binding', F, P.workerKangleA, P.newcomer, { householdId: HOUSEHOLD_KL_3_102 }],
    ['an account that does not exist', N, P.workerKangleA, 'nobody-here', { householdId: HOUSEHOLD_KL_3_102 }],
    ['the household’s own resident', ok, P.workerKangleA, P.residentA, { householdId: HOUSEHOLD_A }],
    ['at a point of 康乐一网格: a resident bound in that grid', ok, P.workerKangleA, P.residentA, { point: POINT_KANGLE_3 }],
    ['at a point of 康乐一网格: a resident bound in another grid', F, P.committeeKangle, P.residentB, { point: POINT_KANGLE_3 }],
  ])('%s → %s', async (_label, expected, staff, userId, place) => {
    const idempotencyKey = `named-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
    const result = await cloud.call(staff, 'requests', 'fileOnBehalf', {
      idempotencyKey, category: 'facility', text: '楼道灯坏了', photos: [], place, resident: { name: '王阿姨', userId },
    })
    expect(result.ok ? ok : result.code).toBe(expected)
    const stored = await documents<{ residentId: string | null }>(Collections.requests, { idempotencyKey })
    if (expected !== ok) return expect(stored).toEqual([])
    expect(stored).toEqual([expect.objectContaining({ residentId: userId })])
    const mine = expectOk(await cloud.call(userId, 'requests', 'listMine', {}))
    expect(mine.items.map((item) => item._id)).toContain(result.ok && result.data._id)
  })
})
