import type { Result, SubscriptionView } from '../../types'
import { startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { filing, messagesFor, P } from '../support/requests'

/**
 * The browser build's stand-in for WeChat's subscribe prompt (POST /wechat/request-subscribe on the
 * local function host): the signed-in persona "taps 允许", the local WeChat's ledger records it, the
 * app reports the answer to directory.grantSubscriptions as the mini-program does, and the next notice
 * is really pushed. Everything here goes over HTTP, as the H5 app sends it.
 */
let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

const RESIDENT_TEMPLATES = ['local-accepted', 'local-progress', 'local-replied']

async function signIn(openid: string): Promise<string> {
  const res = await fetch(`${cloud.host.url}/auth/sign-in`, { method: 'POST', body: JSON.stringify({ openid }) })
  return ((await res.json()) as { token: string }).token
}

const prompt = (token: string | null, body: unknown) =>
  fetch(`${cloud.host.url}/wechat/request-subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })

async function callOverHttp<T>(token: string, fn: string, action: string, input: unknown): Promise<Result<T>> {
  const res = await fetch(`${cloud.host.url}/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ action, input }),
  })
  return (await res.json()) as Result<T>
}

test('a tap on 允许 in the browser: the local WeChat counts it, the report grants it, and the filing’s notice is pushed', async () => {
  const token = await signIn(P.residentA)
  const res = await prompt(token, { tmplIds: RESIDENT_TEMPLATES })
  expect(res.status).toBe(200)
  const answer = (await res.json()) as Record<string, string>
  expect(answer).toEqual({ errMsg: 'requestSubscribeMessage:ok', 'local-accepted': 'accept', 'local-progress': 'accept', 'local-replied': 'accept' })
  for (const id of RESIDENT_TEMPLATES) expect(cloud.wechat.remaining(P.residentA, id)).toBe(1)

  // What services/subscribe.ts reports next: the accepted answers.
  const reported = await callOverHttp<SubscriptionView[]>(token, 'directory', 'grantSubscriptions', { answers: { 'local-accepted': 'accept', 'local-progress': 'accept', 'local-replied': 'accept' }, always: false })
  expect(reported.ok && reported.data.map((view) => [view.kind, view.remaining])).toEqual([
    ['accepted', 1],
    ['progress', 1],
    ['replied', 1],
  ])

  const filed = await callOverHttp<{ _id: string }>(token, 'requests', 'file', filing())
  if (!filed.ok) throw new Error(`filing failed: ${filed.code}`)
  const [told] = await messagesFor(P.residentA, filed.data._id)
  expect(told).toMatchObject({ kind: 'accepted', delivery: 'sent' })
  expect(cloud.sentTo(P.residentA)).toEqual([expect.objectContaining({ templateId: 'local-accepted' })])
  expect(cloud.wechat.remaining(P.residentA, 'local-accepted')).toBe(0)
  expect(cloud.wechat.remaining(P.residentA, 'local-progress')).toBe(1)
})

test('the stand-in keeps WeChat’s limits and asks only for a signed-in persona', async () => {
  const token = await signIn(P.residentB)
  expect((await prompt(null, { tmplIds: ['local-accepted'] })).status).toBe(401)

  const tooMany = await prompt(token, { tmplIds: ['local-accepted', 'local-progress', 'local-replied', 'local-newWork'] })
  expect(tooMany.status).toBe(400)
  expect(await tooMany.json()).toEqual({ errMsg: 'requestSubscribeMessage:fail tmplIds count exceeds the limit of 3 per request', errCode: 20003 })
  const empty = await prompt(token, { tmplIds: [] })
  expect(empty.status).toBe(400)
  expect(await empty.json()).toMatchObject({ errCode: 10001 })
  expect((await prompt(token, { tmplIds: [42] })).status).toBe(400)

  for (const id of [...RESIDENT_TEMPLATES, 'local-newWork']) expect(cloud.wechat.remaining(P.residentB, id)).toBe(0)
})
