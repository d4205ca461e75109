import { PhotoView, RequestDetail, type ActionInput, type RequestEvent, type Result } from '../../types'
import { requestIdFor } from '../../cloudfunctions/requests/request-store'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import type { PhotoCheck } from '../../cloudfunctions/shared/runtime/photos'
import { invocationContext, pushInvocationContext } from '../../local/host/invocation-context'
import { RISKY_IMAGE_MARKER } from '../../local/wechat/local-wechat'
import { expectOk, JPEG, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { documents, fileAs, filing, HOUSEHOLD_A, messagesFor, P } from '../support/requests'

/**
 * Photos in private storage (issue 6, item 5), through the real SDK against the local CloudBase: a
 * photo is taken only from the caller's own folder of this environment, shown through temporary,
 * signed URLs only to those who may see the item, and held back until WeChat's media check passes it.
 */
let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

const ENV_PREFIX = 'cloud://jucun-local.jucun-local-1250000000/'
const RISKY = Buffer.concat([JPEG, Buffer.from(RISKY_IMAGE_MARKER)])

async function signIn(openid: string): Promise<string> {
  const res = await fetch(`${cloud.host.url}/auth/sign-in`, { method: 'POST', body: JSON.stringify({ openid }) })
  return ((await res.json()) as { token: string }).token
}

const detailFor = async (openid: string, requestId: string) => cloud.call(openid, 'requests', 'detail', { requestId })
const seen = async (openid: string, requestId: string) => RequestDetail.parse(expectOk(await detailFor(openid, requestId)))
const photoOf = (detail: RequestDetail, fileId: string) => detail.photos.find((photo) => photo.fileId === fileId)
const notePhotos = (detail: RequestDetail) => detail.timeline.filter((e) => e.action === 'note').flatMap((e) => e.photos ?? [])

async function bytesAt(url: string): Promise<{ status: number; body: Buffer; type: string | null }> {
  const res = await fetch(url)
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') }
}

describe('a resident’s photo is the owner’s to see, not another resident’s', () => {
  test('uploaded into the resident’s folder over HTTP, filed with, and shown to the owner through a signed URL', async () => {
    const token = await signIn(P.residentA)
    const upload = await fetch(`${cloud.host.url}/storage/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' }, body: JPEG })
    expect(upload.status).toBe(200)
    const { fileID } = (await upload.json()) as { fileID: string }
    expect(fileID).toMatch(/^cloud:\/\/jucun-local\.jucun-local-1250000000\/requests\/demo-resident-a\/\d{8}\/[0-9a-f-]{36}\.jpg$/)

    const filed = await fetch(`${cloud.host.url}/functions/requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: 'file', input: { idempotencyKey: 'photo-key-0001', category: 'hazard', text: '楼道电线乱拉', photos: [fileID], place: { householdId: HOUSEHOLD_A } } }),
    })
    const answer = (await filed.json()) as { ok: boolean; data: unknown }
    expect(answer.ok).toBe(true)
    const mine = RequestDetail.parse(answer.data)
    expect(mine).toMatchObject({ owner: { name: '网格员周丽' }, photos: [{ fileId: fileID, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/storage\/requests\//), state: 'pending' }] })

    // The owner (a handler) sees it while the check runs, and the URL serves the very bytes.
    const owner = await seen(P.workerKangleA, mine._id)
    const ownerPhoto = photoOf(owner, fileID)!
    expect(ownerPhoto).toMatchObject({ state: 'pending', url: expect.any(String) })
    const served = await bytesAt(ownerPhoto.url!)
    expect(served).toMatchObject({ status: 200, type: 'image/jpeg' })
    expect(served.body).toEqual(JPEG)

    // Another resident: the request does not exist for them, so no URL either.
    expect(await detailFor(P.residentB, mine._id)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  test('storage serves nothing without a valid, unexpired signature; the fileID alone opens nothing', async () => {
    const fileId = await cloud.uploadPhoto(P.residentA)
    const path = fileId.slice(ENV_PREFIX.length)
    const { cloudbaseApp } = await import('../../cloudfunctions/shared/runtime/cloudbase')
    const { fileList } = await cloudbaseApp().getTempFileURL({ fileList: [{ fileID: fileId, maxAge: 1 }] })
    expect(fileList).toEqual([{ code: 'SUCCESS', fileID: fileId, tempFileURL: expect.stringContaining(`/storage/${path}?expires=`) }])
    const url = new URL(fileList[0].tempFileURL)
    expect((await bytesAt(url.href)).status).toBe(200)

    expect((await bytesAt(`${cloud.host.url}/storage/${path}`)).status).toBe(403)
    const tampered = new URL(url.href)
    const sign = tampered.searchParams.get('sign')!
    tampered.searchParams.set('sign', `${sign[0] === '0' ? '1' : '0'}${sign.slice(1)}`)
    expect((await bytesAt(tampered.href)).status).toBe(403)
    const longer = new URL(url.href)
    longer.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3_600_000))
    expect((await bytesAt(longer.href)).status).toBe(403)
    const otherFile = await cloud.uploadPhoto(P.residentA)
    expect((await bytesAt(url.href.replace(path, otherFile.slice(ENV_PREFIX.length)))).status).toBe(403)

    await new Promise((resolve) => setTimeout(resolve, 1100))
    const expired = await bytesAt(url.href)
    expect(expired.status).toBe(403)
    expect(expired.body.toString()).toBe('this link has expired')
  })

  test('getTempFileURL answers a missing file as CloudBase does, in its entry', async () => {
    const { cloudbaseApp } = await import('../../cloudfunctions/shared/runtime/cloudbase')
    const missing = `${ENV_PREFIX}requests/demo-resident-a/20250101/00000000-0000-0000-0000-000000000000.jpg`
    const { fileList } = await cloudbaseApp().getTempFileURL({ fileList: [{ fileID: missing, maxAge: 60 }] })
    expect(fileList).toEqual([{ code: 'STORAGE_FILE_NONEXIST', fileID: missing, tempFileURL: '' }])
  })

  test('no upload without signing in, nothing but photos, and no path outside the store', async () => {
    expect((await fetch(`${cloud.host.url}/storage/upload`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: JPEG })).status).toBe(401)
    const token = await signIn(P.residentA)
    const text = await fetch(`${cloud.host.url}/storage/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/html' }, body: '<script>' })
    expect(text.status).toBe(415)
    expect((await fetch(`${cloud.host.url}/storage/..%2F..%2Fdemo-secret`)).status).toBe(403)
    expect((await fetch(`${cloud.host.url}/storage/requests/demo-resident-a/20250101/00000000-0000-0000-0000-000000000000.jpg`)).status).toBe(403)
  })
})

describe('a foreign or forged photo ID is refused with a clear error, and nothing is stored', () => {
  const theirs = () => cloud.uploadPhoto(P.residentB)

  test.each<[string, (mine: string) => Promise<string>]>([
    ['another environment', async (mine) => mine.replace('cloud://jucun-local.jucun-local-1250000000/', 'cloud://other-env.other-env-1250000001/')],
    ['another resident’s upload', async () => theirs()],
    ['a path climbing out of the caller’s folder', async () => `${ENV_PREFIX}requests/demo-resident-a/../demo-resident-b/20250101/x.jpg`],
    ['a file outside the photo folder', async () => `${ENV_PREFIX}demo-resident-a/x.jpg`],
    ['the caller’s name with nothing under it', async () => `${ENV_PREFIX}requests/demo-resident-a`],
  ])('file: %s', async (_what, forge) => {
    const mine = await cloud.uploadPhoto(P.residentA)
    const form = filing({ photos: [mine, await forge(mine)] })
    expect(await cloud.call(P.residentA, 'requests', 'file', form)).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: 'photos[1]: not a photo uploaded by you to this environment',
      // The form shows the refusal beside its photo field.
      fields: ['photos'],
    })
    expect(await detailFor(P.residentA, requestIdFor(P.residentA, form.idempotencyKey))).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  test.each([
    ['a local:// id', 'local://requests/00000000-0000-0000-0000-000000000000.jpg'],
    ['an http URL', 'https://evil.example/x.jpg'],
    ['a bare path', 'requests/demo-resident-a/20250101/x.jpg'],
    ['cloud:// with no path', 'cloud://jucun-local.jucun-local-1250000000'],
  ])('file: %s is not a file ID at all', async (_what, forged) => {
    const form = filing({ photos: [forged] })
    const answer = await cloud.call(P.residentA, 'requests', 'file', form)
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('photos.0') })
    expect(await detailFor(P.residentA, requestIdFor(P.residentA, form.idempotencyKey))).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  test('note and reply take only the handler’s own uploads; 代办 and patrol filings only the staff member’s', async () => {
    const filed = await fileAs(cloud, P.residentA)
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: filed._id }))
    const residents = await cloud.uploadPhoto(P.residentA)
    const before = await seen(P.workerKangleA, filed._id)

    const refused = { ok: false, code: 'INVALID_INPUT', message: 'photos[0]: not a photo uploaded by you to this environment', fields: ['photos'] }
    expect(await cloud.call(P.workerKangleA, 'requests', 'note', { requestId: filed._id, note: '已到现场', photos: [residents], visibleTo: 'resident' })).toEqual(refused)
    expect(await cloud.call(P.workerKangleA, 'requests', 'reply', { requestId: filed._id, text: '已处理', photos: [residents] })).toEqual(refused)
    expect((await seen(P.workerKangleA, filed._id)).version).toBe(before.version)

    const behalf: ActionInput<'requests', 'fileOnBehalf'> = { ...filing({ photos: [residents] }), resident: { name: '李大爷' } }
    expect(await cloud.call(P.workerKangleA, 'requests', 'fileOnBehalf', behalf)).toEqual(refused)
    const patrol: ActionInput<'requests', 'fileProactive'> = { ...filing({ photos: [residents] }), place: { point: { lng: 121.4359, lat: 31.1887 } } }
    expect(await cloud.call(P.workerKangleA, 'requests', 'fileProactive', patrol)).toEqual(refused)
  })
})

describe('every photo goes to the media check; until its verdict only its uploader and the handlers see it', () => {
  test('a worker’s site photo: the worker and the committee see it pending, the resident not; a pass shows it to the resident', async () => {
    const filed = await fileAs(cloud, P.residentA)
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: filed._id }))
    const site = await cloud.uploadPhoto(P.workerKangleA)
    const noted = RequestDetail.parse(expectOk(await cloud.call(P.workerKangleA, 'requests', 'note', { requestId: filed._id, note: '已到现场查看', photos: [site], visibleTo: 'resident' })))
    expect(notePhotos(noted)).toEqual([{ fileId: site, url: expect.any(String), state: 'pending' }])
    const [check] = await documents<PhotoCheck>(Collections.photoChecks, { fileId: site })
    expect(check).toMatchObject({ item: 'request', itemId: filed._id, uploaderId: P.workerKangleA, state: 'pending', sentAt: expect.any(Number), traceId: expect.not.stringMatching(/^unsent:/) })

    expect(notePhotos(await seen(P.committeeKangle, filed._id))).toEqual([{ fileId: site, url: expect.any(String), state: 'pending' }])
    // The resident is not a handler: the worker's photo is not theirs until it passes.
    expect(notePhotos(await seen(P.residentA, filed._id))).toEqual([])
    // A neighbour who +1'd it never sees the item in full, photos least of all.
    expectOk(await cloud.call(P.partyMember, 'requests', 'follow', { requestId: filed._id }))
    expect(await detailFor(P.partyMember, filed._id)).toMatchObject({ ok: false, code: 'NOT_FOUND' })

    await cloud.deliverPushes()
    const resident = notePhotos(await seen(P.residentA, filed._id))
    expect(resident).toEqual([{ fileId: site, url: expect.any(String), state: 'pass' }])
    expect((await bytesAt(resident[0].url!)).status).toBe(200)
    expect(await detailFor(P.partyMember, filed._id)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  test('a resident’s own photo is theirs and the owner’s while pending; a pass shows it to every handler', async () => {
    const photo = await cloud.uploadPhoto(P.residentA)
    const filed = await fileAs(cloud, P.residentA, { photos: [photo] })
    expect(photoOf(filed, photo)).toMatchObject({ state: 'pending', url: expect.any(String) })
    expect(photoOf(await seen(P.workerKangleA, filed._id), photo)).toMatchObject({ state: 'pending', url: expect.any(String) })
    await cloud.deliverPushes()
    for (const viewer of [P.residentA, P.workerKangleA, P.committeeKangle, P.streetAdmin]) {
      expect(photoOf(await seen(viewer, filed._id), photo)).toEqual({ fileId: photo, url: expect.any(String), state: 'pass' })
    }
  })

  test('a risky photo is hidden, the item goes on the committee’s review tab, and its uploader is told it did not pass', async () => {
    const risky = await cloud.uploadPhoto(P.residentA, RISKY)
    const fine = await cloud.uploadPhoto(P.residentA)
    const filed = await fileAs(cloud, P.residentA, { photos: [fine, risky] })
    await cloud.deliverPushes()

    const [check] = await documents<PhotoCheck>(Collections.photoChecks, { fileId: risky })
    expect(check).toMatchObject({ state: 'hidden', verdict: { suggest: 'risky', errcode: 0 } })
    expect((await seen(P.residentA, filed._id)).photos).toEqual([
      { fileId: fine, url: expect.any(String), state: 'pass' },
      { fileId: risky, url: null, state: 'hidden' },
    ])
    // The owner handles the item, but a hidden photo is the reviewers' alone.
    expect((await seen(P.workerKangleA, filed._id)).photos.map((p) => p.fileId)).toEqual([fine])
    const reviewer = await seen(P.committeeKangle, filed._id)
    expect(photoOf(reviewer, risky)).toEqual({ fileId: risky, url: expect.any(String), state: 'hidden' })
    expect((await bytesAt(photoOf(reviewer, risky)!.url!)).body).toEqual(RISKY)

    // Flagged for review beside its lifecycle: it stays with its owner, and the review tab lists it.
    expect(reviewer.status).toBe('dispatched')
    const queue = expectOk(await cloud.call(P.committeeKangle, 'requests', 'inbox', { state: 'review', limit: 50 }))
    expect(queue.items).toEqual(expect.arrayContaining([expect.objectContaining({ _id: filed._id, status: 'dispatched', photoReview: true })]))
    const ownerDesk = expectOk(await cloud.call(P.workerKangleA, 'requests', 'inbox', { limit: 50 }))
    expect(ownerDesk.items.find((item) => item._id === filed._id)).not.toHaveProperty('photoReview')
    // Another community's committee has no such item on its tab.
    const elsewhere = expectOk(await cloud.call(P.committeeCuihu, 'requests', 'inbox', { state: 'review', limit: 50 }))
    expect(elsewhere.items.map((item) => item._id)).not.toContain(filed._id)

    // The mark survives the item's next steps.
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: filed._id }))
    const again = expectOk(await cloud.call(P.committeeKangle, 'requests', 'inbox', { state: 'review', limit: 50 }))
    expect(again.items).toEqual(expect.arrayContaining([expect.objectContaining({ _id: filed._id, status: 'accepted', photoReview: true })]))
    expect((await seen(P.committeeKangle, filed._id)).photoReview).toBe(true)
    expect(await seen(P.workerKangleA, filed._id)).not.toHaveProperty('photoReview')

    // Only a reviewer of its territory takes it off the tab; the photo stays hidden.
    for (const [who, code] of [[P.workerKangleA, 'FORBIDDEN'], [P.residentA, 'FORBIDDEN'], [P.committeeCuihu, 'NOT_FOUND']] as const) {
      expect(await cloud.call(who, 'requests', 'clearPhotoReview', { requestId: filed._id })).toMatchObject({ ok: false, code })
    }
    const cleared = expectOk(await cloud.call(P.committeeKangle, 'requests', 'clearPhotoReview', { requestId: filed._id }))
    expect(cleared).not.toHaveProperty('photoReview')
    expect(photoOf(cleared, risky)).toMatchObject({ state: 'hidden' })
    const after = expectOk(await cloud.call(P.committeeKangle, 'requests', 'inbox', { state: 'review', limit: 50 }))
    expect(after.items.map((item) => item._id)).not.toContain(filed._id)
    const [audit] = await documents<{ actorId: string }>(Collections.auditLog, { action: 'photoReview.clear', 'subject.id': filed._id })
    expect(audit.actorId).toBe(P.committeeKangle)
  })
})

describe('wechat-events takes WeChat’s pushes only', () => {
  const push = (over: Record<string, unknown> = {}) => ({
    ToUserName: 'gh_local_jucun', FromUserName: 'x', CreateTime: 1, MsgType: 'event', Event: 'wxa_media_check', appid: 'wx-local-jucun',
    trace_id: 'no-such-trace', version: 2, detail: [], errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, ...over,
  })
  const send = (event: unknown, context: unknown) => cloud.pushMains['wechat-events'](event, context) as Promise<Result<unknown>>
  // Every refusal is logged, so a misrouted push or a probe shows in the function's log.
  let warned: jest.SpyInstance
  beforeEach(() => {
    warned = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  })
  afterEach(() => warned.mockRestore())

  test('a call carrying a WeChat user other than the one the push is about is refused before anything runs', async () => {
    const photo = await cloud.uploadPhoto(P.residentA, RISKY)
    await fileAs(cloud, P.residentA, { photos: [photo] })
    const [check] = await documents<PhotoCheck>(Collections.photoChecks, { fileId: photo })
    expect(await send(push({ trace_id: check.traceId }), invocationContext('wechat-events', P.residentA))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await send(push({ trace_id: check.traceId, FromUserName: P.residentB }), invocationContext('wechat-events', P.residentA))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(warned).toHaveBeenCalledWith('[wechat-events] refused a call that was not a WeChat message push')
    const [still] = await documents<PhotoCheck>(Collections.photoChecks, { fileId: photo })
    expect(still.state).toBe('pending')

    // The verdict comes; a pass pushed after it does not bring the photo back.
    await cloud.deliverPushes()
    expect(await send(push({ trace_id: check.traceId }), pushInvocationContext('wechat-events'))).toMatchObject({ ok: true, data: { outcome: 'alreadyDecided', state: 'hidden' } })
    const [decided] = await documents<PhotoCheck>(Collections.photoChecks, { fileId: photo })
    expect(decided.state).toBe('hidden')
  })

  test('an unknown event, a malformed push, and a trace id of no check of ours', async () => {
    const context = pushInvocationContext('wechat-events')
    expect(await send({ action: 'file', input: {} }, context)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    expect(await send(push({ Event: 'subscribe_msg_popup_event' }), context)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    expect(await send(push({ MsgType: 'text' }), context)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    expect(await send(push({ trace_id: undefined }), context)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await send(push(), context)).toEqual({ ok: true, data: { outcome: 'unknownTrace' } })
    // Should WeChat name the user a push is about in its context, the push still counts; a forged one
    // still finds no check of ours.
    expect(await send(push({ FromUserName: P.residentA }), invocationContext('wechat-events', P.residentA))).toEqual({ ok: true, data: { outcome: 'unknownTrace' } })
    expect(warned).toHaveBeenCalledWith('[wechat-events] a media check verdict for no check of ours: no-such-trace')
    expect(await send(push(), { environment: JSON.stringify({ TRIGGER_SRC: 'timer' }) })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('no client reaches it through the function host', async () => {
    const token = await signIn(P.residentA)
    const res = await fetch(`${cloud.host.url}/functions/wechat-events`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(push()) })
    expect(res.status).toBe(404)
  })

  test('a verdict WeChat could not reach (-1008) leaves the photo pending', async () => {
    const photo = await cloud.uploadPhoto(P.residentA)
    const filed = await fileAs(cloud, P.residentA, { photos: [photo] })
    const [check] = await documents<PhotoCheck>(Collections.photoChecks, { fileId: photo })
    const answer = await send(push({ trace_id: check.traceId, errcode: -1008, result: { suggest: 'review', label: 100 } }), pushInvocationContext('wechat-events'))
    expect(answer).toEqual({ ok: true, data: { outcome: 'recorded', state: 'pending', item: 'request', itemId: filed._id } })
    expect(PhotoView.parse(photoOf(await seen(P.workerKangleA, filed._id), photo))).toMatchObject({ state: 'pending' })
  })
})

describe('staff notes (issue 10): an internal note never reaches the resident, a told one does', () => {
  const INTERNAL = '内部：这户上次投诉过物业，先别提赔偿'
  const TOLD = '已联系电工，明天上午来修'
  const hidden = (answer: unknown, photo: string) => {
    const text = JSON.stringify(answer)
    expect(text).not.toContain(INTERNAL)
    expect(text).not.toContain(photo.slice(ENV_PREFIX.length))
  }
  const notes = (detail: RequestDetail) => detail.timeline.filter((e) => e.action === 'note').map(({ note, visibleTo, photos }) => ({ note, visibleTo, photos: photos?.map((p) => p.fileId) }))

  test('the resident’s every read lacks the internal note and its photo; owner, co-handler, committee and street see both, marked', async () => {
    const filed = await fileAs(cloud, P.residentA)
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: filed._id }))
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'transfer', { requestId: filed._id, toUserId: P.workerKangleB, note: '请协助看看线路' }))
    const site = await cloud.uploadPhoto(P.workerKangleA)
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'note', { requestId: filed._id, note: TOLD, visibleTo: 'resident' }))
    const noted = RequestDetail.parse(expectOk(await cloud.call(P.workerKangleA, 'requests', 'note', { requestId: filed._id, note: INTERNAL, photos: [site], visibleTo: 'staff' })))
    // Passed by the media check: what keeps it from the resident is the note's audience, not a pending verdict.
    await cloud.deliverPushes()

    const both = [{ note: TOLD, visibleTo: 'resident', photos: undefined }, { note: INTERNAL, visibleTo: 'staff', photos: [site] }]
    expect(notes(noted)).toEqual(both)
    for (const staff of [P.workerKangleA, P.workerKangleB, P.committeeKangle, P.streetAdmin]) {
      const detail = await seen(staff, filed._id)
      expect(notes(detail)).toEqual(both)
      expect(notePhotos(detail)).toEqual([{ fileId: site, url: expect.any(String), state: 'pass' }])
    }
    const desk = expectOk(await cloud.call(P.workerKangleA, 'requests', 'inbox', { limit: 50 }))
    expect(desk.items.find((item) => item._id === filed._id)?.latest).toMatchObject({ action: 'note' })

    const detail = await seen(P.residentA, filed._id)
    expect(notes(detail)).toEqual([{ note: TOLD, visibleTo: 'resident', photos: undefined }])
    hidden(detail, site)
    const mine = expectOk(await cloud.call(P.residentA, 'requests', 'listMine', { limit: 50 }))
    const row = mine.items.find((item) => item._id === filed._id)
    // The latest step was internal: the list names the last one the resident saw, the told note.
    const told = detail.timeline.filter((e) => e.action === 'note').at(-1)
    expect(row?.latest).toEqual({ action: 'note', at: told?.at, to: told?.to })
    hidden(mine, site)
    const inbox = expectOk(await cloud.call(P.residentA, 'requests', 'myMessages', { limit: 50 }))
    hidden(inbox, site)
    // The told note reached the resident as progress; the internal one reached no one.
    expect((await messagesFor(P.residentA, filed._id)).filter((m) => m.action === 'note')).toEqual([
      expect.objectContaining({ kind: 'progress', audience: 'resident', body: expect.stringContaining(TOLD) }),
    ])
    for (const staff of [P.workerKangleB, P.committeeKangle, P.streetAdmin]) {
      expect((await messagesFor(staff, filed._id)).filter((m) => m.action === 'note')).toEqual([])
    }

    // The resident's own steps answer the detail too: the reply's rating among them.
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'reply', { requestId: filed._id, text: '线路已重新走好', photos: [] }))
    const rated = expectOk(await cloud.call(P.residentA, 'requests', 'rate', { requestId: filed._id, outcome: 'resolved', satisfaction: 'satisfied' }))
    hidden(rated, site)
  })

  test('a request holds at most 200 notes, so its document stays small: the 201st is refused and stores nothing; a reply still goes in', async () => {
    const filed = await fileAs(cloud, P.residentA)
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: filed._id }))
    const noted = RequestDetail.parse(expectOk(await cloud.call(P.workerKangleA, 'requests', 'note', { requestId: filed._id, note: TOLD, visibleTo: 'staff' })))
    const [stored] = await documents<{ timeline: RequestEvent[]; version: number }>(Collections.requests, { _id: filed._id })
    // The 199 notes before it, as those calls would have left them on the timeline.
    const note = stored.timeline.at(-1) as RequestEvent
    const earlier = Array.from({ length: 199 }, (_, i) => ({ ...note, _id: `${note._id}-${i}` }))
    const { cloudbaseApp } = await import('../../cloudfunctions/shared/runtime/cloudbase')
    const database = cloudbaseApp().database()
    await database.collection(Collections.requests).doc(filed._id).update({ timeline: database.command.set([...earlier, ...stored.timeline]) })
    const photoCounter = () => documents<{ total: number }>(Collections.rateCounters, { _id: `photo~${P.workerKangleA}` })
    const counted = await photoCounter()
    const site = await cloud.uploadPhoto(P.workerKangleA)
    const checked: string[] = []
    const realCall = cloud.wechat.call
    cloud.wechat.call = (api, fields) => {
      if (api === 'security.mediaCheckAsync') checked.push(String(fields.media_url))
      return realCall(api, fields)
    }
    const refused = await cloud.call(P.workerKangleA, 'requests', 'note', { requestId: filed._id, note: '又去看了一次', visibleTo: 'staff', photos: [site] })
      .finally(() => { cloud.wechat.call = realCall })
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('200 条') })
    // Its photo is neither counted nor sent to the media check.
    expect(await photoCounter()).toEqual(counted)
    expect(checked).toEqual([])
    const [after] = await documents<{ timeline: RequestEvent[]; version: number }>(Collections.requests, { _id: filed._id })
    expect({ notes: after.timeline.length, version: after.version }).toEqual({ notes: stored.timeline.length + 199, version: stored.version })
    expect(noted.status).toBe('inProgress')
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'reply', { requestId: filed._id, text: '已修好', photos: [] }))
  })

  /**
   * Issue 11 moved the timeline onto the request: every colleague's words now travel with the document
   * each read takes. None may reach the resident, from the timeline on the request or, for a request
   * stored before, from the log; the resident still sees each step happened.
   */
  test.each([['on the request', false], ['in the log of a request stored before', true]])('what colleagues write to each other (%s) reaches no answer of the resident’s', async (_where, storedTheOldWay) => {
    const words = { internal: '内部：先别提赔偿的事', transfer: '请协助：这户脾气急', escalate: '吹哨：物业推诿三次了', callback: '回访：老人耳背，说话要大声' }
    const filed = await fileAs(cloud, P.residentA)
    const requestId = filed._id
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId }))
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'note', { requestId, note: words.internal, visibleTo: 'staff' }))
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'transfer', { requestId, toUserId: P.workerKangleB, note: words.transfer }))
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'escalate', { requestId, level: 'community', coHandlerIds: [], note: words.escalate }))
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'reply', { requestId, text: '已协调物业修好', photos: [] }))
    expectOk(await cloud.call(P.elderlyKangle, 'requests', 'recordCallback', { requestId, reached: true, note: words.callback }))
    if (storedTheOldWay) {
      const [stored] = await documents<{ timeline: RequestEvent[]; recentEvents: RequestEvent[] }>(Collections.requests, { _id: requestId })
      const latest = new Set(stored.recentEvents.map((e) => e._id))
      const { cloudbaseApp } = await import('../../cloudfunctions/shared/runtime/cloudbase')
      const database = cloudbaseApp().database()
      for (const event of stored.timeline) if (!latest.has(event._id)) await database.collection(Collections.requestEvents).add(event)
      await database.collection(Collections.requests).doc(requestId).update({ timeline: database.command.remove() })
    }
    const staffSees = JSON.stringify(await seen(P.committeeKangle, requestId))
    for (const said of Object.values(words)) expect(staffSees).toContain(said)

    const detail = await seen(P.residentA, requestId)
    expect(detail.timeline.map((e) => e.action)).toEqual(['file', 'dispatch', 'accept', 'transfer', 'escalate', 'reply', 'recordCallback'])
    const answers = [
      detail,
      expectOk(await cloud.call(P.residentA, 'requests', 'listMine', { limit: 50 })),
      expectOk(await cloud.call(P.residentA, 'requests', 'myMessages', { limit: 50 })),
      await messagesFor(P.residentA, requestId),
      expectOk(await cloud.call(P.residentA, 'requests', 'rate', { requestId, outcome: 'resolved', satisfaction: 'satisfied' })),
    ]
    const text = JSON.stringify(answers)
    expect(Object.values(words).filter((said) => text.includes(said))).toEqual([])
  })

  test('a note must say who it is for; one stored before the choice existed stays the resident’s', async () => {
    const filed = await fileAs(cloud, P.residentA)
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: filed._id }))
    const unsaid = await cloud.call(P.workerKangleA, 'requests', 'note', { requestId: filed._id, note: INTERNAL } as ActionInput<'requests', 'note'>)
    expect(unsaid).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: ['visibleTo'] })

    expectOk(await cloud.call(P.workerKangleA, 'requests', 'note', { requestId: filed._id, note: TOLD, visibleTo: 'resident' }))
    // The note as stored before the choice existed: no audience in its details, on the request's timeline.
    const [stored] = await documents<{ timeline: RequestEvent[] }>(Collections.requests, { _id: filed._id })
    const { cloudbaseApp } = await import('../../cloudfunctions/shared/runtime/cloudbase')
    const unchosen = ({ details: _chosen, ...before }: RequestEvent) => before
    const timeline = stored.timeline.map((event) => (event.action === 'note' ? unchosen(event) : event))
    const database = cloudbaseApp().database()
    await database.collection(Collections.requests).doc(filed._id).update({ timeline: database.command.set(timeline) })
    expect(notes(await seen(P.residentA, filed._id))).toEqual([{ note: TOLD, visibleTo: 'resident', photos: undefined }])
  })
})
