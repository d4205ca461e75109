import { RequestDetail } from '../../types'
import { startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { HOUSEHOLD_A, P } from '../support/requests'

/**
 * Over HTTP, as the H5 build does it: sign in, upload a photo to the local file storage, file with its
 * `local://` fileID, and load the photo back from the URL the app shows.
 */
let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9])

async function signIn(openid: string): Promise<string> {
  const res = await fetch(`${cloud.host.url}/auth/sign-in`, { method: 'POST', body: JSON.stringify({ openid }) })
  return ((await res.json()) as { token: string }).token
}

test('a resident uploads a photo, files with it, and the photo is served back', async () => {
  const token = await signIn(P.residentA)
  const upload = await fetch(`${cloud.host.url}/storage/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' }, body: JPEG })
  expect(upload.status).toBe(200)
  const { fileID } = (await upload.json()) as { fileID: string }
  expect(fileID).toMatch(/^local:\/\/requests\/[0-9a-f-]{36}\.jpg$/)

  const filed = await fetch(`${cloud.host.url}/functions/requests`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify({ action: 'file', input: { idempotencyKey: 'photo-key-0001', category: 'hazard', text: '楼道电线乱拉', photos: [fileID], place: { householdId: HOUSEHOLD_A } } }),
  })
  const answer = (await filed.json()) as { ok: boolean; data: unknown }
  expect(answer.ok).toBe(true)
  expect(RequestDetail.parse(answer.data)).toMatchObject({ photos: [fileID], owner: { name: '网格员周丽' } })

  const served = await fetch(`${cloud.host.url}/storage/${fileID.slice('local://'.length)}`)
  expect(served.headers.get('content-type')).toBe('image/jpeg')
  expect(Buffer.from(await served.arrayBuffer())).toEqual(JPEG)
})

test('no upload without signing in, nothing but photos, and no path outside the store', async () => {
  expect((await fetch(`${cloud.host.url}/storage/upload`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: JPEG })).status).toBe(401)
  const token = await signIn(P.residentA)
  const text = await fetch(`${cloud.host.url}/storage/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/html' }, body: '<script>' })
  expect(text.status).toBe(415)
  expect((await fetch(`${cloud.host.url}/storage/..%2F..%2Fdemo-secret`)).status).toBe(404)
  expect((await fetch(`${cloud.host.url}/storage/requests/00000000-0000-0000-0000-000000000000.jpg`)).status).toBe(404)
})
