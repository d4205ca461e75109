import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { documents, eventsOf, fileAs, messagesFor, P } from '../support/requests'

/**
 * Transfer and 吹哨 bring in co-handlers, who then read the resident's phone and room: only staff and
 * the contacts the directory names for a job may be brought in, never any account that happens to exist.
 */
let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

async function accepted(): Promise<string> {
  const { _id } = await fileAs(cloud, P.residentA, { contactPhone: '13912345678' })
  expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: _id }))
  return _id
}
const stored = async (requestId: string) => (await documents<Record<string, unknown>>(Collections.requests, { _id: requestId }))[0]

test.each([
  ['the owner transfers to a neighbour', P.workerKangleA, 'transfer', P.residentB],
  ['the committee transfers to a resident with no household', P.committeeKangle, 'transfer', P.newcomer],
  ['the owner blows the whistle naming a neighbour', P.workerKangleA, 'escalate', P.residentB],
  ['the street names a resident among staff', P.streetAdmin, 'transfer', P.partyMember],
] as const)('%s: FORBIDDEN, nothing changes, and they learn nothing', async (_story, caller, action, target) => {
  const requestId = await accepted()
  const before = await stored(requestId)
  const input =
    action === 'transfer'
      ? { requestId, toUserId: target, note: '请协助' }
      : { requestId, level: 'community' as const, coHandlerIds: [P.elderlyKangle, target], note: '吹哨' }
  expect(await cloud.call(caller, 'requests', action, input as never)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await stored(requestId)).toEqual(before)
  expect((await eventsOf(requestId)).map((e) => e.action)).toEqual(['file', 'dispatch', 'accept'])
  expect(await messagesFor(target, requestId)).toEqual([])
  expect(await cloud.call(target, 'requests', 'detail', { requestId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

test.each([
  ['a grid worker of another grid', P.workerKangleB],
  ['the community’s elderly-services post', P.elderlyKangle],
  ['a property contact the directory names (not staff)', P.propertyCuihu],
])('a transfer to %s goes through, and they may read the contact', async (_who, target) => {
  const requestId = await accepted()
  const transferred = expectOk(await cloud.call(P.workerKangleA, 'requests', 'transfer', { requestId, toUserId: target, note: '请协助' }))
  expect(transferred.coHandlerIds).toEqual([target])
  const seen = expectOk(await cloud.call(target, 'requests', 'detail', { requestId }))
  expect(seen.contact).toMatchObject({ phone: '13912345678', masked: false })
})

test('吹哨 with staff and a property contact goes through', async () => {
  const requestId = await accepted()
  const escalated = expectOk(
    await cloud.call(P.workerKangleA, 'requests', 'escalate', { requestId, level: 'community', coHandlerIds: [P.elderlyKangle, P.propertyCuihu], note: '吹哨' }),
  )
  expect(escalated).toMatchObject({ status: 'escalated', coHandlerIds: [P.elderlyKangle, P.propertyCuihu] })
})
