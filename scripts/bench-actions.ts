/**
 * What each action costs on CloudBase, from inside the function process:
 *   npm run bench:actions [-- --households 10000 --voters 300] [--detail] [--trace requests.accept]
 * `--trace` takes an action's name or a prefix (`requests.`): each of its requests, in the trip it went out in.
 * For every action of the three jobs (requests, wishes, council) and directory's whoami, route and
 * homeContacts, in one scripted story over the demo seed:
 * - database requests, from the local database's counters (GET /__stats): each one is billed;
 * - sequential round trips on the critical path: the SDK's HTTP requests to the local CloudBase, seen
 *   through node:diagnostics_channel, a new trip counted whenever one starts while none other is in
 *   flight. Requests sent together (Promise.all) are one trip; each await on the database is one more.
 *   CloudBase's cloud calls (content check, subscribe messages) go to the same gateway and count as
 *   trips too, not as database requests.
 * Then the lifecycles (request, wish, vote) and the close of a large topic (closeTopic, as the timer closes).
 * Rate limits are ON at their real figures (core/rate-limits.ts): a limited action's counter is one
 * request of its real cost (three for a person's very first of a kind: no counter yet). The story
 * stays under them; where it would not (one household's wishes in an hour), the clock moves an hour
 * on and the directory cache is warmed again before measuring.
 * Prints figures beside the aims; asserts nothing.
 */
import diagnostics_channel from 'node:diagnostics_channel'
import type { ClientRequest } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import type { ActionInput, ActionName, ActionOutput, FunctionName, Result } from '../types'
import type { StatsSnapshot } from '../local/db/stats'
import { seedHousehold } from '../local/seed/demo-buildings'

const { values } = parseArgs({ options: { households: { type: 'string', default: '10000' }, voters: { type: 'string', default: '300' }, samples: { type: 'string', default: '3' }, detail: { type: 'boolean', default: false }, trace: { type: 'string' } } })
const HOUSEHOLDS = Number(values.households)
const VOTERS = Math.min(Number(values.voters), HOUSEHOLDS)
const SAMPLES = Number(values.samples)
const HOUR = 3_600_000
const DAY = 24 * HOUR
const AIM_TRIPS = 3

const P = {
  residentA: 'demo-resident-a', // 康乐小区3号楼201 → 康乐一网格
  residentB: 'demo-resident-b',
  newcomer: 'demo-resident-unbound',
  partyMember: 'demo-party-member',
  member: 'member-kangle-1', // 康乐一网格党支部
  secretary: 'demo-branch-secretary',
  workerKangleA: 'demo-worker-kangle-a',
  workerKangleB: 'demo-worker-kangle-b',
  committeeKangle: 'demo-committee-kangle',
  elderlyKangle: 'demo-elderly-kangle',
}
const HOUSEHOLD_A = seedHousehold('bldg-kl-3', '201')
const POINT_KANGLE_3 = { lng: 121.4359, lat: 31.1887 }

/** The SDK's requests to one host, as the function process sends them. */
function tripCounter() {
  let host = ''
  const inFlight = new Set<ClientRequest>()
  let trips = 0
  let sent = 0
  let tracing = false
  diagnostics_channel.subscribe('http.client.request.start', (message) => {
    const { request } = message as { request: ClientRequest }
    if (!host || request.getHeader('host') !== host) return
    if (inFlight.size === 0) trips++
    sent++
    inFlight.add(request)
    // A request that fails never finishes a response: it leaves the flight when it closes.
    request.once('close', () => inFlight.delete(request))
  })
  diagnostics_channel.subscribe('http.client.response.finish', (message) => {
    inFlight.delete((message as { request: ClientRequest }).request)
  })
  return {
    watch(hostPort: string) { host = hostPort },
    trace(on: boolean) { tracing = on },
    tracing: () => tracing,
    reset() { trips = 0; sent = 0 },
    trips: () => trips,
    read: () => ({ trips, sent }),
  }
}

type Figure = { requests: number; trips: number; byCollection?: StatsSnapshot['byCollection'] }
let serial = 0
const key = () => `bench-${process.pid}-${++serial}`

async function main(): Promise<void> {
  process.env.JUCUN_CLOCK = 'controlled'
  delete process.env.RATE_LIMITS // the real figures
  const counter = tripCounter()
  const dataDir = mkdtempSync(join(tmpdir(), 'jucun-bench-actions-'))
  const voters = Array.from({ length: VOTERS }, (_, i) => `bench-voter-${i}`)
  const { startLocalCloudbase } = await import('../local/local-cloudbase')
  const { invocationContext } = await import('../local/host/invocation-context')
  const local = await startLocalCloudbase({ dataDir, timerIntervalMs: 0, pushes: 'hold' }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  })
  if (values.trace) {
    // --trace fn.action (or a prefix, `--trace wishes.`): each database request of those actions as the
    // local database takes it (still in flight, so under the trip that sent it).
    const { Stats } = await import('../local/db/stats')
    const record = Stats.prototype.record
    Stats.prototype.record = function (action, collection) {
      if (counter.tracing()) console.log(`    trip ${counter.trips()}: ${action.replace(/^database\./, '')} ${String(collection ?? '')}`)
      record.call(this, action, collection)
    }
  }
  const dbBase = local.db.url.replace(/\/admin$/, '')
  counter.watch(new URL(dbBase).host)
  const stats = async () => (await (await fetch(`${dbBase}/__stats`)).json()) as StatsSnapshot
  const resetStats = () => fetch(`${dbBase}/__stats/reset`, { method: 'POST' })
  const { controlledClock } = await import('../cloudfunctions/shared/runtime/clock')
  const { database } = await import('../cloudfunctions/shared/runtime/cloudbase')
  const clock = controlledClock()

  const call = async <F extends FunctionName, A extends ActionName<F>>(openid: string | null, fn: F, action: A, input: ActionInput<F, A>): Promise<ActionOutput<F, A>> => {
    const answer = (await local.functionMains[fn]({ action, input }, invocationContext(fn, openid))) as Result<ActionOutput<F, A>>
    if (!answer.ok) throw new Error(`${fn}.${action} as ${openid}: ${answer.code} ${answer.message}`)
    return answer.data
  }
  /** One action, measured: its database requests and its round trips. */
  const measure = async <T>(run: () => Promise<T>): Promise<{ value: T; figure: Figure }> => {
    await resetStats()
    counter.reset()
    const value = await run()
    // Anything the handler left running after it answered would show here; nothing should.
    await new Promise((resolve) => setTimeout(resolve, 5))
    const { trips } = counter.read()
    const { total, byCollection } = await stats()
    return { value, figure: { requests: total, trips, byCollection } }
  }
  const table = new Map<string, Figure>()
  /** A photo in the caller's folder, uploaded as the mini-program does (a JPEG's first and last bytes). */
  const uploadPhoto = async (openid: string): Promise<string> => {
    const { token } = (await (await fetch(`${local.host.url}/auth/sign-in`, { method: 'POST', body: JSON.stringify({ openid }) })).json()) as { token: string }
    const upload = await fetch(`${local.host.url}/storage/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' }, body: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]) })
    return ((await upload.json()) as { fileID: string }).fileID
  }
  /** A second figure of an action, with a photo: `requests.file +photo`. */
  const measuredWithPhoto = async <F extends FunctionName, A extends ActionName<F>>(openid: string, fn: F, action: A, input: (photo: string) => ActionInput<F, A>): Promise<ActionOutput<F, A>> => {
    const photo = await uploadPhoto(openid)
    const traced = values.trace !== undefined && `${fn}.${action} +photo`.startsWith(values.trace)
    counter.trace(traced)
    if (traced) console.log(`trace ${fn}.${action} +photo`)
    const { value, figure } = await measure(() => call(openid, fn, action, input(photo))).finally(() => counter.trace(false))
    table.set(`${fn}.${action} +photo`, figure)
    return value
  }
  const measured = async <F extends FunctionName, A extends ActionName<F>>(openid: string | null, fn: F, action: A, input: ActionInput<F, A>): Promise<ActionOutput<F, A>> => {
    const traced = values.trace !== undefined && `${fn}.${action}`.startsWith(values.trace)
    counter.trace(traced)
    if (traced) console.log(`trace ${fn}.${action}`)
    const { value, figure } = await measure(() => call(openid, fn, action, input)).finally(() => counter.trace(false))
    table.set(`${fn}.${action}`, figure)
    return value
  }
  /** A new hour (so one resident's filings stay under their hourly allowance), the directory warm again. */
  const nextHour = async () => {
    clock.advance(HOUR)
    await call(P.residentA, 'directory', 'whoami', {})
  }

  try {
    const db = database()
    const at = clock.now()
    // Owners of 康乐小区3号楼 for the votes, and a topic's voters over one large synthetic estate.
    await db.collection('users').add(['101', '102', '202'].map((room) => ({ _id: `bench-owner-${room}`, name: `业主${room}`, staff: {}, householdId: seedHousehold('bldg-kl-3', room), tenure: 'owner', createdAt: at })))
    // Warm: the directory cache, the JIT, the SQLite pages.
    for (const fn of ['requests', 'wishes', 'council'] as const) await local.functionMains[fn]({ action: 'listMine', input: {} }, invocationContext(fn, P.residentA))
    await call(P.residentA, 'directory', 'whoami', {})

    // directory
    await measured(P.residentA, 'directory', 'whoami', {})
    await measured(P.residentA, 'directory', 'route', { category: 'hazard', target: { householdId: HOUSEHOLD_A } })
    await measured(P.residentA, 'directory', 'homeContacts', {})

    // requests: one request through every staff action, then the resident's side.
    const filed = await measured(P.residentA, 'requests', 'file', { idempotencyKey: key(), category: 'hazard', text: '楼道里电线乱拉，很危险', photos: [], place: { householdId: HOUSEHOLD_A } })
    const requestId = filed._id
    await measured(P.residentA, 'requests', 'listMine', {})
    await measured(P.residentA, 'requests', 'detail', { requestId })
    await measured(P.partyMember, 'requests', 'follow', { requestId })
    await measured(P.residentB, 'requests', 'checkDuplicates', { category: 'hazard', place: { point: POINT_KANGLE_3 } })
    await measured(P.workerKangleA, 'requests', 'inbox', {})
    await measured(P.workerKangleA, 'requests', 'inboxCounts', {})
    await measured(P.workerKangleA, 'requests', 'accept', { requestId })
    await measured(P.workerKangleA, 'requests', 'note', { requestId, note: '已联系物业', visibleTo: 'resident' })
    await measured(P.workerKangleA, 'requests', 'transfer', { requestId, toUserId: P.workerKangleB, note: '请协助看看线路' })
    await measured(P.workerKangleA, 'requests', 'escalate', { requestId, level: 'community', coHandlerIds: [], note: '吹哨' })
    await measuredWithPhoto(P.workerKangleA, 'requests', 'note', (photo) => ({ requestId, note: '现场照片', visibleTo: 'resident' as const, photos: [photo] }))
    await measured(P.workerKangleA, 'requests', 'reply', { requestId, text: '线路已经重新整理', photos: [] })
    await measured(P.elderlyKangle, 'requests', 'recordCallback', { requestId, reached: true, note: '电话回访，居民满意' })
    await measured(P.residentA, 'requests', 'rate', { requestId, outcome: 'resolved', satisfaction: 'satisfied' })
    await measuredWithPhoto(P.residentA, 'requests', 'file', (photo) => ({ idempotencyKey: key(), category: 'facility' as const, text: '楼下路灯不亮', photos: [photo], place: { householdId: HOUSEHOLD_A } }))
    const toWithdraw = await call(P.residentA, 'requests', 'file', { idempotencyKey: key(), category: 'facility', text: '楼下路灯不亮', photos: [], place: { householdId: HOUSEHOLD_A } })
    await measured(P.residentA, 'requests', 'withdraw', { requestId: toWithdraw._id })
    await measured(P.workerKangleA, 'requests', 'fileOnBehalf', { idempotencyKey: key(), category: 'hazard', text: '楼下井盖松了', photos: [], place: { point: POINT_KANGLE_3 }, resident: { name: '李大爷' } })
    const proactive = await measured(P.workerKangleA, 'requests', 'fileProactive', { idempotencyKey: key(), category: 'hazard', text: '消防通道被电动车堵住', photos: [], place: { point: POINT_KANGLE_3 } })
    await measured(P.workerKangleA, 'requests', 'refer', { requestId: proactive._id, scope: 'court', note: '转法院调解' })
    const messages = await measured(P.residentA, 'requests', 'myMessages', { limit: 50 })
    await measured(P.residentA, 'requests', 'unreadMessages', {})
    await measured(P.residentA, 'requests', 'markMessagesRead', { ids: messages.items.slice(0, 5).map((m) => m._id) })
    await measured(P.committeeKangle, 'requests', 'dashboard', { scope: { communityId: 'comm-kangle' }, period: { from: clock.now() - DAY, to: clock.now() + 1 } })

    // wishes: post → review → claim → fulfil → confirm, then the side paths.
    const wishForm = (): ActionInput<'wishes', 'post'> => ({
      idempotencyKey: key(), category: 'life', text: '想请人帮忙取快递', photos: [], neededBy: clock.now() + 10 * DAY, delivery: 'station', place: { householdId: HOUSEHOLD_A },
    })
    const wish = await measured(P.residentA, 'wishes', 'post', wishForm())
    await measured(P.residentA, 'wishes', 'listMine', {})
    await measured(P.workerKangleA, 'wishes', 'listForReview', { queue: 'review', limit: 50 })
    await measured(P.workerKangleA, 'wishes', 'review', { wishId: wish._id, decision: 'publish', summary: '需要有人帮忙取快递' })
    await measured(P.member, 'wishes', 'listForMe', {})
    await measured(P.member, 'wishes', 'detail', { wishId: wish._id })
    await measured(P.member, 'wishes', 'claim', { wishId: wish._id })
    await measured(P.workerKangleA, 'wishes', 'revealContact', { wishId: wish._id })
    await measured(P.member, 'wishes', 'myClaims', {})
    await measured(P.member, 'wishes', 'fulfil', { wishId: wish._id, note: '快递已送到家', photos: [] })
    await measured(P.residentA, 'wishes', 'confirm', { wishId: wish._id, thanks: '谢谢', rating: 5 })
    await measured(P.member, 'wishes', 'myRecord', {})
    await measured(P.committeeKangle, 'wishes', 'reverseCredit', { wishId: wish._id, reason: '核实并非本人完成' })
    const published = async () => {
      const posted = await call(P.residentA, 'wishes', 'post', wishForm())
      return call(P.workerKangleA, 'wishes', 'review', { wishId: posted._id, decision: 'publish', summary: '需要有人帮忙取快递' })
    }
    const second = await published()
    await call(P.member, 'wishes', 'claim', { wishId: second._id })
    await measured(P.member, 'wishes', 'release', { wishId: second._id, reason: '临时出差，去不了了' })
    await call(P.member, 'wishes', 'claim', { wishId: second._id })
    await measured(P.residentA, 'wishes', 'requestCancel', { wishId: second._id, reason: '女儿周末回来陪我去' })
    await measured(P.member, 'wishes', 'agreeCancel', { wishId: second._id })
    const third = await published()
    await measured(P.residentA, 'wishes', 'withdraw', { wishId: third._id })
    const posted = await call(P.residentA, 'wishes', 'post', wishForm())
    await measured(P.committeeKangle, 'wishes', 'convert', { wishId: posted._id, category: 'facility' })
    await measured(P.secretary, 'wishes', 'branchOverview', {})
    await measured(P.residentA, 'wishes', 'wall', {})
    const period = { from: clock.now() - 60 * DAY, to: clock.now() + 1 }
    await measured(P.member, 'wishes', 'ranking', { communityId: 'comm-kangle', kind: 'member', period })
    await measured(P.committeeKangle, 'wishes', 'signals', { scope: { communityId: 'comm-kangle' }, period })
    await measured(P.workerKangleA, 'wishes', 'settings', { communityId: 'comm-kangle' })
    await measured(P.committeeKangle, 'wishes', 'updateSettings', { communityId: 'comm-kangle', openPerHousehold: 10 })

    // council: a topic over 康乐小区3号楼, a proposal, an assisted ballot.
    const BUILDING_SCOPE = { kind: 'buildings' as const, buildingIds: ['bldg-kl-3'] }
    const topicForm = (): ActionInput<'council', 'openTopic'> => ({
      idempotencyKey: key(), title: '3号楼是否加装电梯', background: '老人上下楼难，有居民提出加装电梯，费用按楼层分摊，请各户表决。', photos: [],
      scope: BUILDING_SCOPE, unit: 'household', options: { kind: 'yesNo' }, rule: 'majority', quorumPercent: 50, opensAt: clock.now(), closesAt: clock.now() + 2 * DAY,
    })
    await measured(P.committeeKangle, 'council', 'countElectorate', { scope: BUILDING_SCOPE, unit: 'household', rule: 'majority' })
    const topic = await measured(P.committeeKangle, 'council', 'openTopic', topicForm())
    await measured(P.residentA, 'council', 'listTopics', { view: 'open' })
    await measured(P.residentA, 'council', 'topic', { topicId: topic._id })
    await measured(P.residentA, 'council', 'vote', { topicId: topic._id, options: ['yes'] })
    await measured(P.residentA, 'council', 'comment', { topicId: topic._id, idempotencyKey: key(), text: '雨棚挡光吗？' })
    const comments = await measured(P.residentA, 'council', 'comments', { topicId: topic._id })
    await measured(P.committeeKangle, 'council', 'hideComment', { commentId: comments.items[0]._id, reason: '请文明发言' })
    const assisted = await measured(P.workerKangleA, 'council', 'enterAssistedBallot', { topicId: topic._id, residentId: 'bench-owner-101', options: ['yes'], via: 'phone', note: '电话里说同意', photos: [] })
    await measured(P.elderlyKangle, 'council', 'listAssistedBallots', { status: 'all' })
    await measured(P.elderlyKangle, 'council', 'decideAssistedBallot', { assistedId: assisted._id, decision: 'confirm' })
    await measured(P.committeeKangle, 'council', 'addMinutes', { topicId: topic._id, text: '议事会纪要：费用按楼层分摊', photos: [] })
    clock.advance(2 * DAY)
    await nextHour()
    await measured(P.committeeKangle, 'council', 'closeTopic', { topicId: topic._id })
    await measured(P.committeeKangle, 'council', 'proof', { topicId: topic._id })
    await measured(P.committeeKangle, 'council', 'votedUnits', { topicId: topic._id })
    await measured(P.committeeKangle, 'council', 'postUpdate', { topicId: topic._id, stage: 'planned', text: '已联系电梯公司现场勘查', photos: [] })
    const cancelled = await call(P.committeeKangle, 'council', 'openTopic', { ...topicForm(), opensAt: clock.now() + DAY, closesAt: clock.now() + 3 * DAY })
    await measured(P.committeeKangle, 'council', 'cancelTopic', { topicId: cancelled._id, reason: '重复发起' })
    const proposal = await measured(P.residentA, 'council', 'propose', { idempotencyKey: key(), title: '楼下空地改成停车位', background: '晚上车没处停，老人出门不方便。', scope: BUILDING_SCOPE })
    await measured(P.residentA, 'council', 'listProposals', { view: 'all' })
    await measured(P.residentB, 'council', 'proposal', { proposalId: proposal._id })
    await measured('bench-owner-102', 'council', 'cosign', { proposalId: proposal._id })
    await measured(P.committeeKangle, 'council', 'decideProposal', { proposalId: proposal._id, decision: 'decline', reason: '空地是消防通道，不能停车' })
    const withdrawn = await call(P.residentA, 'council', 'propose', { idempotencyKey: key(), title: '每周组织一次义诊', background: '老人看病不方便。', scope: BUILDING_SCOPE })
    await measured(P.residentA, 'council', 'withdrawProposal', { proposalId: withdrawn._id })
    await measured(P.committeeKangle, 'council', 'monthlyClusters', { communityId: 'comm-kangle', period })

    console.log('database requests and sequential round trips per action (warm, one call each; aim ≤ 3 trips)')
    for (const [name, f] of table) {
      console.log(`  ${name.padEnd(34)} ${String(f.requests).padStart(3)} requests  ${String(f.trips).padStart(2)} trips${f.trips > AIM_TRIPS ? '  over' : ''}`)
      if (values.detail) for (const [collection, kinds] of Object.entries(f.byCollection ?? {})) console.log(`      ${collection.padEnd(18)} ${JSON.stringify(kinds)}`)
    }
    const over = [...table.entries()].filter(([, f]) => f.trips > AIM_TRIPS)
    console.log(`  ${table.size} actions; ${over.length} over ${AIM_TRIPS} trips`)

    // Lifecycles, mean of SAMPLES, warm: in the same hour as the story, so every cache of a warm
    // instance (directory, names) is fresh and each rate counter is today's (one request to spend).
    const lifecycle = async (name: string, aim: string, steps: (step: <T>(label: string, run: () => Promise<T>) => Promise<T>) => Promise<void>) => {
      const per = new Map<string, Figure>()
      for (let i = 0; i < SAMPLES; i++) {
        await steps(async (label, run) => {
          const { value, figure } = await measure(run)
          const sum = per.get(label) ?? { requests: 0, trips: 0 }
          per.set(label, { requests: sum.requests + figure.requests, trips: sum.trips + figure.trips })
          return value
        })
      }
      const total = [...per.values()].reduce((s, f) => ({ requests: s.requests + f.requests, trips: s.trips + f.trips }), { requests: 0, trips: 0 })
      console.log(`\n${name}, mean of ${SAMPLES}: ${(total.requests / SAMPLES).toFixed(1)} requests (${aim}), ${(total.trips / SAMPLES).toFixed(1)} trips`)
      console.log(`  ${[...per.entries()].map(([label, f]) => `${label} ${(f.requests / SAMPLES).toFixed(1)}/${(f.trips / SAMPLES).toFixed(1)}`).join('   ')}   (requests/trips)`)
    }
    await lifecycle('request lifecycle (file → accept → reply → rate)', 'aim ≤ 25', async (step) => {
      const request = await step('file', () => call(P.residentA, 'requests', 'file', { idempotencyKey: key(), category: 'hazard', text: '楼道里电线乱拉，很危险', photos: [], place: { householdId: HOUSEHOLD_A } }))
      await step('accept', () => call(P.workerKangleA, 'requests', 'accept', { requestId: request._id }))
      await step('reply', () => call(P.workerKangleA, 'requests', 'reply', { requestId: request._id, text: '已处理', photos: [] }))
      await step('rate', () => call(P.residentA, 'requests', 'rate', { requestId: request._id, outcome: 'resolved', satisfaction: 'satisfied' }))
    })
    // One household may post 5 wishes an hour: the story posted 4.
    await nextHour()
    await lifecycle('wish lifecycle (post → review → claim → fulfil → confirm)', 'no aim set', async (step) => {
      const w = await step('post', () => call(P.residentA, 'wishes', 'post', wishForm()))
      await step('review', () => call(P.workerKangleA, 'wishes', 'review', { wishId: w._id, decision: 'publish', summary: '需要有人帮忙取快递' }))
      await step('claim', () => call(P.member, 'wishes', 'claim', { wishId: w._id }))
      await step('fulfil', () => call(P.member, 'wishes', 'fulfil', { wishId: w._id, note: '快递已送到家', photos: [] }))
      await step('confirm', () => call(P.residentA, 'wishes', 'confirm', { wishId: w._id, thanks: '谢谢' }))
    })
    const voteTopic = await call(P.committeeKangle, 'council', 'openTopic', topicForm())
    await lifecycle('votes: a first cast, then a change of ballot, together', 'aim ≤ 3 for each vote: see each on the line below', async (step) => {
      await step('cast', () => call(`bench-owner-${['101', '102', '202'][serial % 3]}`, 'council', 'vote', { topicId: voteTopic._id, options: ['yes'] }))
      await step('change', () => call(P.residentA, 'council', 'vote', { topicId: voteTopic._id, options: [serial % 2 ? 'yes' : 'no'] }))
    })

    // The close of a large topic: one synthetic estate of HOUSEHOLDS households, VOTERS of them voting.
    const BUILDING = 'bldg-bench'
    await db.collection('buildings').add({ _id: BUILDING, gridId: 'grid-kangle-1', communityId: 'comm-kangle', estate: '压测花园', name: '1号楼', location: { lng: 121.4358, lat: 31.1886 } })
    for (let i = 0; i < HOUSEHOLDS; i += 1000) {
      await db.collection('households').add(Array.from({ length: Math.min(1000, HOUSEHOLDS - i) }, (_, k) => ({ _id: `hh-bench-${i + k}`, buildingId: BUILDING, room: String(i + k + 1), area: 60 + ((i + k) % 80) })))
    }
    await db.collection('users').add(voters.map((_id, i) => ({ _id, name: `业主${i}`, staff: {}, householdId: `hh-bench-${i}`, tenure: 'owner', createdAt: clock.now() })))
    const { forgetDirectory } = await import('../cloudfunctions/shared/runtime/directory-cache')
    forgetDirectory()
    const t0 = performance.now()
    const large = await call(P.committeeKangle, 'council', 'openTopic', { ...topicForm(), scope: { kind: 'buildings', buildingIds: [BUILDING] }, rule: 'art278Special', quorumPercent: 0 })
    const openSeconds = (performance.now() - t0) / 1000
    for (let i = 0; i < VOTERS; i += 50) await Promise.all(voters.slice(i, i + 50).map((voter, k) => call(voter, 'council', 'vote', { topicId: large._id, options: [(i + k) % 3 ? 'yes' : 'no'] })))
    clock.advance(2 * DAY + HOUR)
    const c0 = performance.now()
    // Closed by the committee's closeTopic, the same close the timer makes, so that no other due
    // work of a timer run overlaps it and hides its round trips.
    await call(P.residentA, 'directory', 'whoami', {})
    const { figure: close } = await measure(() => call(P.committeeKangle, 'council', 'closeTopic', { topicId: large._id }))
    const closedTopic = await call(P.committeeKangle, 'council', 'topic', { topicId: large._id })
    const closeSeconds = (performance.now() - c0) / 1000
    console.log(`\nclose of a ${HOUSEHOLDS.toLocaleString()}-household topic (${VOTERS} voted; opened in ${openSeconds.toFixed(1)} s) (closeTopic): ${close.requests} requests, ${close.trips} trips, ${closeSeconds.toFixed(1)} s; ${closedTopic.result ? `closed, ${closedTopic.result.votedUnits} units counted` : 'NOT closed'}`)
  } finally {
    await local.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
