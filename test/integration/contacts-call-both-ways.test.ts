import { RequestDetail } from '../../types'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { users } from '../../local/seed/demo-people'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { documents, fileAs, P } from '../support/requests'

/**
 * Issue 9, call both ways: the resident rings the owner's work phone (the directory's, only while the
 * request is being handled, never anyone's personal phone); staff ring the resident after the
 * detail's logged read of the contact. 首页 names the grid worker on duty and the community's hotline.
 */
let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

const detail = async (openid: string, requestId: string) => RequestDetail.parse(expectOk(await cloud.call(openid, 'requests', 'detail', { requestId })))
const personalPhones = users.flatMap((user) => (user.staff.gridWorker || user.staff.committee || user.staff.streetAdmin || user._id === P.propertyCuihu ? [user.phone ?? ''] : [])).filter(Boolean)
const ZHOU_LI_WORK = '021-64010011'

test('the resident sees the owner’s work phone while it is open, and never a staff member’s personal phone', async () => {
  const filed = await fileAs(cloud, P.residentA, { contactPhone: '13912345678' })
  expect(filed.owner).toEqual({ id: P.workerKangleA, name: '网格员周丽', workPhone: ZHOU_LI_WORK })
  expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: filed._id }))
  const accepted = await detail(P.residentA, filed._id)
  expect(accepted.owner?.workPhone).toBe(ZHOU_LI_WORK)
  const answers = JSON.stringify([filed, accepted, expectOk(await cloud.call(P.residentA, 'directory', 'homeContacts', {}))])
  for (const phone of personalPhones) expect(answers).not.toContain(phone)
})

test('staff do not get the owner’s number on a resident’s item; a closed or withdrawn one shows it to nobody', async () => {
  const filed = await fileAs(cloud, P.residentA)
  expect((await detail(P.workerKangleA, filed._id)).owner).toEqual({ id: P.workerKangleA, name: '网格员周丽' })
  expect((await detail(P.committeeKangle, filed._id)).owner?.workPhone).toBeUndefined()
  expectOk(await cloud.call(P.residentA, 'requests', 'withdraw', { requestId: filed._id }))
  expect((await detail(P.residentA, filed._id)).owner).toEqual({ id: P.workerKangleA, name: '网格员周丽' })

  const replied = await fileAs(cloud, P.residentA)
  expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: replied._id }))
  expectOk(await cloud.call(P.workerKangleA, 'requests', 'reply', { requestId: replied._id, text: '已处理', photos: [] }))
  // Still open while it waits for the rating: the resident may ring to ask about the answer.
  expect((await detail(P.residentA, replied._id)).owner?.workPhone).toBe(ZHOU_LI_WORK)
  expectOk(await cloud.call(P.residentA, 'requests', 'rate', { requestId: replied._id, outcome: 'resolved', satisfaction: 'satisfied' }))
  expect((await detail(P.residentA, replied._id)).owner?.workPhone).toBeUndefined()
})

test('staff reach the resident’s phone only through the detail’s read, which the audit log records', async () => {
  const filed = await fileAs(cloud, P.residentA, { contactPhone: '13912345678' })
  const list = expectOk(await cloud.call(P.workerKangleA, 'requests', 'inbox', {})).items
  expect(list.find((item) => item._id === filed._id)?.contact.phone).toBe('139****5678')
  const before = await documents(Collections.auditLog, { actorId: P.workerKangleA, 'subject.id': filed._id })
  expect((await detail(P.workerKangleA, filed._id)).contact).toMatchObject({ phone: '13912345678', masked: false })
  const after = await documents(Collections.auditLog, { actorId: P.workerKangleA, 'subject.id': filed._id })
  expect(after.length - before.length).toBe(1)
  expect(after.at(-1)).toMatchObject({ action: 'contact.read', subject: { collection: 'requests', id: filed._id }, fields: expect.arrayContaining(['phone']) })
})

test('首页: a bound resident’s grid worker on duty with a work phone and the community hotline; nothing bound, nothing named', async () => {
  expect(expectOk(await cloud.call(P.residentA, 'directory', 'homeContacts', {}))).toEqual({
    community: { name: '康乐社区', hotline: '021-64010001' },
    gridWorker: { name: '网格员周丽', gridName: '康乐一网格', workPhone: ZHOU_LI_WORK },
  })
  expect(expectOk(await cloud.call(P.residentB, 'directory', 'homeContacts', {})).community).toEqual({ name: '翠湖社区', hotline: '021-64020002' })
  expect(expectOk(await cloud.call(P.newcomer, 'directory', 'homeContacts', {}))).toEqual({ community: null, gridWorker: null })
  expect(await cloud.call(null, 'directory', 'homeContacts', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
})
