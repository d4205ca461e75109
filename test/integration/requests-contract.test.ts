import { requestActions } from '../../types'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { countAll, fileAs, P } from '../support/requests'
import { seedHousehold } from '../../local/seed/demo-buildings'

let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
  await fileAs(cloud, P.residentA)
})
afterAll(() => cloud.close())

const written = [Collections.requests, Collections.requestEvents, Collections.requestFollows, Collections.messages, Collections.auditLog, Collections.users]

const form = { idempotencyKey: 'k-bad-input-1', category: 'hazard', text: '电线乱拉', photos: [], place: { householdId: seedHousehold('bldg-kl-3', '201') } }
const long = (n: number) => '好'.repeat(n)
/** Well-formed but unknown: were the input accepted, the answer would be NOT_FOUND, not INVALID_INPUT. */
const requestId = 'req-00000000000000000000000000000000'

/** Inputs no action accepts, then per action: a missing field, a wrong type, an unknown key, an oversized value. */
const malformedForEveryAction: unknown[] = [null, 'file', 42, [], { unexpected: true }]
const malformedByAction: Record<keyof typeof requestActions, unknown[]> = {
  file: [
    { ...form, idempotencyKey: undefined }, { ...form, idempotencyKey: 'short' }, { ...form, text: '' }, { ...form, text: long(2001) },
    { ...form, photos: Array.from({ length: 10 }, (_, i) => `cloud://p/${i}.jpg`) }, { ...form, photos: ['https://evil.example/x.jpg'] },
    { ...form, place: { point: { lng: 999, lat: 31 } } }, { ...form, contactPhone: '110' }, { ...form, status: 'closed' }, { ...form, residentId: P.residentB },
  ],
  listMine: [{ open: 'yes' }, { limit: 0 }, { limit: 51 }],
  detail: [{}, { requestId: '' }, { requestId: 'x'.repeat(65) }],
  withdraw: [{ requestId, note: long(501) }, { requestId, note: '   ' }],
  rate: [{ requestId, outcome: 'resolved' }, { requestId, outcome: 'great', satisfaction: 'satisfied' }, { requestId, outcome: 'resolved', satisfaction: 'satisfied', comment: long(301) }],
  follow: [{ requestId, times: 2 }],
  checkDuplicates: [{ category: 'hazard' }, { category: 'hazard', place: { buildingId: 'bldg-kl-3' } }],
  inbox: [{ state: 'everything' }, { urgency: 'now' }, { limit: 500 }],
  inboxCounts: [{ state: 'toAccept' }],
  review: [{ requestId, decision: 'approve' }, { requestId, decision: 'reject' }, { requestId, decision: 'reject', reason: 'x' }],
  accept: [{ requestId, note: '' }, { requestId, ownerId: P.streetAdmin }],
  note: [{ requestId }, { requestId, note: '进展', photos: ['not-a-file-id'] }],
  transfer: [{ requestId, note: '请协助' }, { requestId, toUserId: '', note: '请协助' }],
  escalate: [{ requestId, level: 'city', coHandlerIds: [], note: '吹哨' }, { requestId, level: 'street', note: '吹哨' }, { requestId, level: 'street', coHandlerIds: Array(11).fill('u'), note: '吹哨' }],
  refer: [{ requestId, scope: 'aliens' }, { requestId }],
  reply: [{ requestId, text: '已办', photos: 'none' }, { requestId, photos: [] }],
  recordCallback: [{ requestId, note: '回访' }, { requestId, reached: 'yes', note: '回访' }],
  clearPhotoReview: [{}, { requestId: 7 }, { requestId, note: '看过了' }],
  fileOnBehalf: [form, { ...form, resident: { name: '' } }, { ...form, resident: { name: '王阿婆', phone: '12' } }],
  fileProactive: [{ ...form, contactPhone: '13800000000' }, { ...form, category: 'fire' }],
  myMessages: [{ limit: -1 }, { cursor: 5 }],
  unreadMessages: [{ recipientId: P.residentB }],
  markMessagesRead: [{}, { ids: [] }, { ids: Array(51).fill('m') }, { ids: [''] }, { ids: ['m'], recipientId: P.residentB }],
  dashboard: [{ scope: { gridId: 'grid-kangle-1' } }, { scope: {}, period: { from: 0, to: 1 } }, { scope: { gridId: 'g' }, period: { from: 10, to: 5 } }, { scope: { streetId: 's' }, period: { from: 0, to: 400 * 86_400_000 } }],
}

describe('the requests contract at its edge', () => {
  test.each(Object.keys(requestActions))('%s answers INVALID_INPUT to malformed input and changes nothing', async (action) => {
    const before = await countAll(written)
    for (const input of [...malformedForEveryAction, ...malformedByAction[action as keyof typeof requestActions]]) {
      for (const caller of [P.residentA, P.workerKangleA, P.streetAdmin]) {
        const result = await cloud.callRaw(caller, 'requests', { action, input })
        expect({ input, result }).toMatchObject({ input, result: { ok: false, code: 'INVALID_INPUT' } })
      }
    }
    expect(await countAll(written)).toEqual(before)
  })

  test('a machine refusal of a well-formed payload is INVALID_INPUT too, and changes nothing', async () => {
    const accepted = await fileAs(cloud, P.residentA)
    await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: accepted._id })
    const before = await countAll(written)
    // Already the owner: the effects refuse a transfer to them.
    expect(await cloud.call(P.workerKangleA, 'requests', 'transfer', { requestId: accepted._id, toUserId: P.workerKangleA, note: '转给自己' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await countAll(written)).toEqual(before)
  })

  test('an unknown action, a missing caller and an unknown request are told apart', async () => {
    expect(await cloud.callRaw(P.residentA, 'requests', { action: 'deleteAll' })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    expect(await cloud.call(null, 'requests', 'listMine', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await cloud.call(P.residentA, 'requests', 'detail', { requestId: 'req-nowhere' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await cloud.call(P.residentA, 'requests', 'file', { ...form, idempotencyKey: 'k-far-away-1', place: { point: { lng: 116.39, lat: 39.9 } } } as never)).toMatchObject({ ok: false, code: 'OUT_OF_AREA' })
  })
})
