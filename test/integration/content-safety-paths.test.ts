import { createServer, request as forward } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Request, Result } from '../../types'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { multipartFields } from '../../local/db/multipart'
import { decodeOpenApiCall, encodeOpenApiAnswer } from '../../local/wechat/wire'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { countAll, documents, eventsOf, fileAs, messagesFor, newKey, P, POINT_KANGLE_3 } from '../support/requests'
import { seedHousehold } from '../../local/seed/demo-buildings'

/**
 * Issue 6's "done when": every text someone else reads goes through msgSecCheck v2, called by the
 * functions through wx-server-sdk's cloud.openapi and answered by the local CloudBase's WeChat over
 * the real wire. A filing with clean text is dispatched, one with a listed word in disguise is held
 * for review; every other text path refuses a listed word (CONTENT_BLOCKED, naming the field) and
 * changes nothing; and when the check cannot run, nothing unchecked gets through.
 *
 * Nothing is mocked. The functions reach the local CloudBase through `network` below, a plain HTTP
 * relay on loopback that records each cloud call wx-server-sdk posts (so the tests see what the local
 * WeChat was asked) and, when told, loses them the way an outage does. Each verdict is the local
 * WeChat's, read back from what the functions stored. Only console.error is quietened where the check
 * is made to fail, and its log counted.
 */
type Mode = 'relay' | 'the connection drops' | 'WeChat answers -1 (system busy)'
type CloudCall = { apiName: string; fields: Record<string, unknown> }

/**
 * Between the functions and the local CloudBase: database requests pass as they are; wx-server-sdk's
 * cloud calls (multipart posts, `action=wx.openApi`) are decoded and recorded, then passed on, dropped,
 * or answered with WeChat's errcode -1, by `mode`. The functions are pointed at it the way the local
 * CloudBase points them at itself (TCB_CONTEXT_CNFG, read by both SDKs on every request).
 */
async function startNetwork(upstreamUrl: string) {
  const upstream = new URL(upstreamUrl)
  const state = { mode: 'relay' as Mode, cloudCalls: [] as CloudCall[] }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const contentType = req.headers['content-type'] ?? ''
      if (/^multipart\/form-data/i.test(contentType)) {
        const form = multipartFields(body, contentType)
        if (form.get('action')?.toString() === 'wx.openApi') {
          state.cloudCalls.push({ apiName: form.get('apiName')!.toString(), fields: decodeOpenApiCall(form.get('requestData')!) })
          if (state.mode === 'the connection drops') {
            req.socket.destroy()
            return
          }
          if (state.mode === 'WeChat answers -1 (system busy)') {
            const answer = encodeOpenApiAnswer({ errcode: -1, errmsg: 'system error' })
            res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': answer.length })
            res.end(answer)
            return
          }
        }
      }
      const onward = forward(
        { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        },
      )
      onward.on('error', () => res.destroy())
      onward.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    state,
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    /** The msgSecCheck calls that carried exactly this text. */
    checksOf: (content: string) => state.cloudCalls.filter((c) => c.apiName === 'security.msgSecCheck' && c.fields.content === content).map((c) => c.fields),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

let cloud: TestCloudbase
let network: Awaited<ReturnType<typeof startNetwork>>
let direct: string | undefined
beforeAll(async () => {
  cloud = await startTestCloudbase()
  network = await startNetwork(cloud.db.url)
  direct = process.env.TCB_CONTEXT_CNFG
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: network.url })
})
afterAll(async () => {
  process.env.TCB_CONTEXT_CNFG = direct
  await network.close()
  await cloud.close()
})
afterEach(() => {
  network.state.mode = 'relay'
})

const every = Object.values(Collections)
const stored = async (requestId: string) => (await documents<Request>(Collections.requests, { _id: requestId }))[0]
const call = (openid: string, fn: 'requests' | 'directory', action: string, input: object): Promise<Result<unknown>> =>
  (cloud.call as (o: string, f: string, a: string, i: object) => Promise<Result<unknown>>)(openid, fn, action, input)
const ok = async (openid: string, fn: 'requests' | 'directory', action: string, input: object) =>
  expectOk(await call(openid, fn, action, input)) as { _id?: string; requestId?: string; registrationId?: string; status: string }

describe('filing: clean text is dispatched, a listed word in any disguise is held for review', () => {
  const heldDisguises: ReadonlyArray<[disguise: string, text: string, word: string, label: number]> = [
    ['spaces', '楼道里贴满了代 开 发 票的小广告', '代开发票', 20008],
    ['zero-width spaces U+200B', '电线杆上写着\u200B代\u200B开\u200B发\u200B票\u200B电话', '代开发票', 20008],
    ['combining low line U+0332', '门口有人发裸\u0332聊\u0332的卡片', '裸聊', 20002],
    ['right-to-left override, stored reversed', '单元门上贴着\u202E票发开代\u202C的广告', '代开发票', 20008],
    ['isolates and LRM/RLM', '楼下有人卖\u2066冰\u2069\u200E毒\u200F，很危险', '冰毒', 20006],
    ['full-width ＭＤＭＡ', '楼道里捡到写着ＭＤＭＡ的小袋子', 'MDMA', 20006],
    ['circled ⓜⓓⓜⓐ', '有人在群里卖ⓜⓓⓜⓐ', 'MDMA', 20006],
    ['traditional 代開發票', '小區門口有人代開發票', '代开发票', 20008],
    ['traditional 辦假證 with variation selectors', '墙上贴着辦\uFE0F假\uFE0E證的电话', '办假证', 20006],
    ['Hangul filler U+3164 and soft hyphen', '有人推销赌\u3164博\u00AD网\u3164站', '赌博网站', 20006],
    ['a mix: traditional, ZWJ, enclosing circle, BOM', '樓道裡有槍\u200D支\u20DD彈\uFEFF藥', '枪支弹药', 20006],
  ]

  const held = new Map<string, string>()
  let clean: { _id: string }
  beforeAll(async () => {
    const [first, ...rest] = await Promise.all([
      fileAs(cloud, P.residentA, { text: '楼道灯坏了，晚上上下楼看不见' }),
      ...heldDisguises.map(([, text]) => fileAs(cloud, P.residentA, { text })),
    ])
    clean = first
    heldDisguises.forEach(([disguise], i) => held.set(disguise, rest[i]._id))
  })

  test('clean text: checked, dispatched to the grid worker, who is told', async () => {
    expect(network.checksOf('楼道灯坏了，晚上上下楼看不见')).toHaveLength(1)
    expect(await stored(clean._id)).toMatchObject({ status: 'dispatched', ownerId: P.workerKangleA, moderation: null })
    expect((await eventsOf(clean._id)).map((e) => e.action)).toEqual(['file', 'dispatch'])
    expect((await messagesFor(P.workerKangleA, clean._id)).map((m) => m.action)).toEqual(['dispatch'])
  })

  test.each(heldDisguises)('%s: held in review with the local WeChat’s verdict, nobody dispatched', async (disguise, text, word, label) => {
    const id = held.get(disguise)!
    const request = await stored(id)
    expect(request).toMatchObject({ text, status: 'inReview', ownerId: null, deadlines: null })
    // The reason is msgSecCheck's answer as checkText reads it: the label and the keyword the local
    // WeChat matched (the listed word, not the disguise the resident typed).
    expect(request.moderation?.reason).toBe(`msgSecCheck: risky (label ${label}，关键词：${word})`)
    // What the local WeChat was asked: the text exactly as typed, v2, scene 3 (论坛), the resident's openid.
    expect(network.checksOf(text)).toEqual([{ content: text, version: 2, scene: 3, openid: P.residentA }])
    expect((await eventsOf(id)).map((e) => e.action)).toEqual(['file', 'flag'])
    expect((await messagesFor(P.workerKangleA, id)).map((m) => m.action)).not.toContain('dispatch')
  })

  test('代办 and 主动治理 filings are checked the same way', async () => {
    const onBehalf = (text: string) =>
      ok(P.committeeKangle, 'requests', 'fileOnBehalf', {
        idempotencyKey: newKey(), category: 'facility', text, photos: [], place: { householdId: seedHousehold('bldg-kl-3', '101') }, resident: { name: '王阿婆' },
      })
    const onPatrol = (text: string) =>
      ok(P.workerKangleA, 'requests', 'fileProactive', { idempotencyKey: newKey(), category: 'hazard', text, photos: [], place: { point: POINT_KANGLE_3 } })
    const [behalfClean, behalfHeld, patrolClean, patrolHeld] = await Promise.all([
      onBehalf('3号楼门口路灯不亮'),
      onBehalf('3号楼门口贴着代\u200C開\u200C發\u200C票的广告'),
      onPatrol('消防通道被电动车堵住'),
      onPatrol('消防通道墙上喷着ＭＤＭＡ'),
    ])
    expect(behalfClean).toMatchObject({ status: 'dispatched', ownerId: P.workerKangleA })
    expect(patrolClean).toMatchObject({ status: 'accepted', ownerId: P.workerKangleA })
    for (const [flagged, word] of [[behalfHeld, '代开发票'], [patrolHeld, 'MDMA']] as const) {
      expect(flagged).toMatchObject({ status: 'inReview', ownerId: null })
      expect((await stored(flagged._id!)).moderation?.reason).toContain(`关键词：${word}`)
    }
  })
})

/**
 * One text path: `setup` brings a fresh subject to where the action applies; `act` tries it with a
 * text; `subject` reads back everything about that subject the action could change.
 */
type TextPath = {
  path: string
  label: string
  /** Who acts, and the msgSecCheck scene the text goes with (1 资料 for names, 2 评论 for the rest). */
  by: string
  scene: 1 | 2
  disguised: string
  clean: string
  setup: () => Promise<Record<string, string>>
  act: (ctx: Record<string, string>, text: string, by: string) => Promise<Result<unknown>>
  subject: (ctx: Record<string, string>) => Promise<unknown>
}

const requestState = async ({ requestId }: Record<string, string>) => ({
  request: await stored(requestId),
  events: await eventsOf(requestId),
  messages: await documents(Collections.messages, { requestId }),
})
const ofUser = (userId: string) => async () => ({
  user: await documents(Collections.users, { _id: userId }),
  bindings: await documents(Collections.bindingRequests, { userId }),
  registrations: await documents(Collections.partyRegistrations, { userId }),
})

const filed = async () => ({ requestId: (await fileAs(cloud, P.residentA))._id })
const accepted = async () => {
  const ctx = await filed()
  await ok(P.workerKangleA, 'requests', 'accept', ctx)
  return ctx
}
const replied = async () => {
  const ctx = await accepted()
  await ok(P.workerKangleA, 'requests', 'reply', { ...ctx, text: '电线已重新规整并套管', photos: [] })
  return ctx
}
const inReview = async () => ({ requestId: (await fileAs(cloud, P.residentA, { text: '楼道里到处贴着代开发票的小广告' }))._id })

const textPaths: TextPath[] = [
  {
    path: 'requests.withdraw note', by: P.residentA, scene: 2, label: '撤回说明', setup: filed, subject: requestState,
    disguised: '顺便问下哪里能代\u200B开\u200B发\u200B票', clean: '已经自己修好了，谢谢',
    act: (ctx, note, by) => call(by, 'requests', 'withdraw', { ...ctx, note }),
  },
  {
    path: 'requests.rate comment, resolved and satisfied', by: P.residentA, scene: 2, label: '评价', setup: replied, subject: requestState,
    disguised: '很满意！另外有ＭＤＭＡ', clean: '周丽很负责，电线都套好了',
    act: (ctx, comment, by) => call(by, 'requests', 'rate', { ...ctx, outcome: 'resolved', satisfaction: 'satisfied', comment }),
  },
  {
    path: 'requests.rate comment, unresolved (reopens)', by: P.residentA, scene: 2, label: '评价', setup: replied, subject: requestState,
    disguised: '还是没修好，辦假證的小广告也还在', clean: '还是没修好，晚上依旧很黑',
    act: (ctx, comment, by) => call(by, 'requests', 'rate', { ...ctx, outcome: 'unresolved', satisfaction: 'unsatisfied', comment }),
  },
  {
    path: 'requests.review release note', by: P.committeeKangle, scene: 2, label: '说明', setup: inReview, subject: requestState,
    disguised: '内容正常，另：裸\u200D聊', clean: '是举报小广告，内容正常',
    act: (ctx, note, by) => call(by, 'requests', 'review', { ...ctx, decision: 'release', note }),
  },
  {
    path: 'requests.review reject reason', by: P.streetAdmin, scene: 2, label: '退回理由', setup: inReview, subject: requestState,
    disguised: '含有赌\uFEFF博\uFEFF网\uFEFF站的链接', clean: '含有广告信息',
    act: (ctx, reason, by) => call(by, 'requests', 'review', { ...ctx, decision: 'reject', reason }),
  },
  {
    path: 'requests.accept note', by: P.workerKangleA, scene: 2, label: '说明', setup: filed, subject: requestState,
    disguised: '今天下午上门，\u202E票发开代\u202C', clean: '今天下午上门查看',
    act: (ctx, note, by) => call(by, 'requests', 'accept', { ...ctx, note }),
  },
  {
    path: 'requests.note', by: P.workerKangleA, scene: 2, label: '说明', setup: accepted, subject: requestState,
    disguised: '现场发现枪\u0332支\u0332弹\u0332药\u0332', clean: '已到现场查看，需要换灯管',
    act: (ctx, note, by) => call(by, 'requests', 'note', { ...ctx, note, visibleTo: 'resident' }),
  },
  {
    path: 'requests.transfer note', by: P.workerKangleA, scene: 2, label: '说明', setup: accepted, subject: requestState,
    disguised: '请协助处理ⓜⓓⓜⓐ', clean: '请社工一起上门看看',
    act: (ctx, note, by) => call(by, 'requests', 'transfer', { ...ctx, toUserId: P.elderlyKangle, note }),
  },
  {
    path: 'requests.escalate note', by: P.workerKangleA, scene: 2, label: '说明', setup: accepted, subject: requestState,
    disguised: '需要协调\u2066代开\u2069\u2067发票\u2069', clean: '需要居委会协调物业',
    act: (ctx, note, by) => call(by, 'requests', 'escalate', { ...ctx, level: 'community', coHandlerIds: [], note }),
  },
  {
    path: 'requests.refer note', by: P.workerKangleA, scene: 2, label: '说明', setup: filed, subject: requestState,
    disguised: '请联系法院，别信办\u00AD假\u00AD证', clean: '请联系受理法院',
    act: (ctx, note, by) => call(by, 'requests', 'refer', { ...ctx, scope: 'court', note }),
  },
  {
    path: 'requests.reply text', by: P.workerKangleA, scene: 2, label: '答复', setup: accepted, subject: requestState,
    disguised: '已处理。冰\uFE0F毒\uFE0E', clean: '灯管已更换，楼道恢复照明',
    act: (ctx, text, by) => call(by, 'requests', 'reply', { ...ctx, text, photos: [] }),
  },
  {
    path: 'requests.recordCallback note', by: P.committeeKangle, scene: 2, label: '说明', setup: replied, subject: requestState,
    disguised: '回访：居民反映有人代開發票', clean: '电话回访：居民说灯很亮',
    act: (ctx, note, by) => call(by, 'requests', 'recordCallback', { ...ctx, reached: true, note }),
  },
  {
    path: 'requests.fileOnBehalf resident name', by: P.committeeKangle, scene: 1, label: '居民姓名',
    setup: async () => ({ idempotencyKey: newKey() }),
    subject: async ({ idempotencyKey }) => documents(Collections.requests, { idempotencyKey }),
    disguised: '王阿婆\u3000裸\u3000聊', clean: '王阿婆',
    act: (ctx, name, by) => call(by, 'requests', 'fileOnBehalf', {
      ...ctx, category: 'facility', text: '3号楼门口路灯不亮', photos: [], place: { householdId: seedHousehold('bldg-kl-3', '101') }, resident: { name },
    }),
  },
  {
    path: 'directory.requestBinding name', by: P.newcomer, scene: 1, label: '姓名', setup: async () => ({}), subject: ofUser(P.newcomer),
    disguised: '林小雨办\u200C假\u200C证', clean: '林小雨',
    act: (_ctx, name, by) => call(by, 'directory', 'requestBinding', { householdId: seedHousehold('bldg-kl-3', '202'), name, phone: '13912345678' }),
  },
  {
    path: 'directory.decideBinding refuse reason', by: P.committeeCuihu, scene: 2, label: '不通过的理由', subject: ofUser(P.residentB),
    setup: async () => ({ requestId: (await ok(P.residentB, 'directory', 'requestBinding', { householdId: seedHousehold('bldg-ch-6', '101'), name: '陈先生' })).requestId! }),
    disguised: '该户疑似办\u2060假\u2060证', clean: '该户已登记其他住户',
    act: (ctx, reason, by) => call(by, 'directory', 'decideBinding', { ...ctx, decision: 'refuse', reason }),
  },
  {
    path: 'directory.registerParty name', by: P.newcomer, scene: 1, label: '姓名', setup: async () => ({}), subject: ofUser(P.newcomer),
    disguised: '林小雨\u200F裸\u200E聊', clean: '林小雨',
    act: (_ctx, name, by) => call(by, 'directory', 'registerParty', { branchId: 'br-grid-kangle-3', name, workplace: '市第六人民医院' }),
  },
  {
    path: 'directory.registerParty workplace', by: P.residentA, scene: 1, label: '工作单位', setup: async () => ({}), subject: ofUser(P.residentA),
    disguised: '徐汇区赌\u00A0博\u00A0网\u00A0站运营部', clean: '徐汇区图书馆',
    act: (_ctx, workplace, by) => call(by, 'directory', 'registerParty', { branchId: 'br-grid-kangle-1', name: '王阿姨', workplace }),
  },
  {
    path: 'directory.verifyParty refuse reason', by: P.committeeCuihu, scene: 2, label: '不通过的理由', subject: ofUser(P.residentB),
    setup: async () => ({
      registrationId: (await ok(P.residentB, 'directory', 'registerParty', { branchId: 'br-comm-cuihu', name: '陈先生' })).registrationId!,
    }),
    disguised: '组织关系不符，疑似辦\u200B假\u0332證', clean: '支部没有查到组织关系',
    act: (ctx, reason, by) => call(by, 'directory', 'verifyParty', { ...ctx, decision: 'refuse', reason }),
  },
]

describe('every other text path: a listed word in disguise is refused and changes nothing; clean text goes through', () => {
  const contexts = new Map<string, Record<string, string>>()
  beforeAll(async () => {
    const made = await Promise.all(textPaths.map((p) => p.setup()))
    textPaths.forEach((p, i) => contexts.set(p.path, made[i]))
  })

  test.each(textPaths)('$path', async ({ path, by, scene, label, disguised, clean, act, subject }) => {
    const ctx = contexts.get(path)!
    const before = { subject: await subject(ctx), counts: await countAll(every) }

    const refused = await act(ctx, disguised, by)
    expect(refused).toMatchObject({ ok: false, code: 'CONTENT_BLOCKED' })
    expect(!refused.ok && refused.message).toMatch(new RegExp(`^${label}里`))
    expect(network.checksOf(disguised)).toEqual([{ content: disguised, version: 2, scene, openid: by }])
    expect({ subject: await subject(ctx), counts: await countAll(every) }).toEqual(before)

    const done = await act(ctx, clean, by)
    expect(done.ok ? 'ok' : `${done.code}: ${done.message}`).toBe('ok')
    expect(JSON.stringify(await subject(ctx))).toContain(clean)
  })
})

describe.each<Exclude<Mode, 'relay'>>(['the connection drops', 'WeChat answers -1 (system busy)'])('msgSecCheck unavailable: %s', (outage) => {
  // wx-server-sdk's own code for a lost connection (SYS_ERR), or WeChat's -1.
  const errCode = outage === 'the connection drops' ? -501001 : -1
  let logged: jest.SpyInstance
  let inHand: string
  beforeAll(async () => {
    inHand = (await accepted()).requestId
  })
  beforeEach(() => {
    network.state.mode = outage
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  })
  afterEach(() => logged.mockRestore())
  const failedChecks = () =>
    logged.mock.calls.filter(([tag, error]) => tag === '[msgSecCheck]' && (error as { errCode?: number }).errCode === errCode)

  test('a filing, clean or not, is held for review, never dispatched unchecked', async () => {
    const texts = [`${outage}：电梯停了，老人下不了楼`, `${outage}：电梯里贴着代 开 发 票的广告`]
    const held = await Promise.all(texts.map((text) => fileAs(cloud, P.residentA, { text })))
    for (const [i, { _id }] of held.entries()) {
      const request = await stored(_id)
      expect(request).toMatchObject({ status: 'inReview', ownerId: null, deadlines: null })
      expect(request.moderation?.reason).toBe(`msgSecCheck unavailable (${errCode})`)
      expect((await messagesFor(P.workerKangleA, _id)).map((m) => m.action)).not.toContain('dispatch')
      expect(network.checksOf(texts[i])).toHaveLength(1)
    }
    expect(failedChecks()).toHaveLength(2)
  })

  test('a note is refused with UNAVAILABLE and nothing changes; with the check back it goes through', async () => {
    const text = `${outage}：已到现场查看，需要换灯管`
    const note = () => call(P.workerKangleA, 'requests', 'note', { requestId: inHand, note: text, visibleTo: 'resident' })
    const before = { subject: await requestState({ requestId: inHand }), counts: await countAll(every) }
    expect(await note()).toMatchObject({ ok: false, code: 'UNAVAILABLE' })
    expect(failedChecks()).toHaveLength(1)
    expect({ subject: await requestState({ requestId: inHand }), counts: await countAll(every) }).toEqual(before)

    network.state.mode = 'relay'
    expectOk(await note())
    expect(network.checksOf(text)).toHaveLength(2)
  })
})
