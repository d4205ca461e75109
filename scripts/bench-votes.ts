/**
 * 邻里议事厅's votes through the local function host over HTTP, as the H5 build casts them:
 *   npm run bench:votes [-- --households 10000 --voters 2000 --concurrency 50]
 * 1. A topic over one synthetic estate of N households (per household, 民法典 art. 278's owners'
 *    area included): the time to fix its electorate (one ballot per household).
 * 2. V owners vote at once, C at a time, 10 % of them tapping twice (a retry): votes/s, p50/p95, and
 *    the check that the tally equals the number of distinct households that voted.
 * 3. Database requests per vote, and to close the topic (one aggregate, the proof over every ballot,
 *    the result stored, every voter told), with the close's time.
 * Prints figures, not timed tests; a correctness check that fails is printed and sets the exit code.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import type { StatsSnapshot } from '../local/db/stats'

const { values } = parseArgs({ options: { households: { type: 'string', default: '10000' }, voters: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '50' } } })
const HOUSEHOLDS = Number(values.households)
const VOTERS = Math.min(Number(values.voters), HOUSEHOLDS)
const CONCURRENCY = Number(values.concurrency)
const RETRY_SHARE = 0.1
const DAY = 86_400_000
const COMMITTEE = 'demo-committee-kangle'
const BUILDING = 'bldg-bench'

/** A correctness check: said either way, and a failure fails the run (the figures still print). */
function check(what: string, holds: boolean): string {
  if (!holds) process.exitCode = 1
  return `${what}: ${holds ? 'yes' : 'NO'}`
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
const voterId = (i: number) => `bench-voter-${i}`
const householdOf = (i: number) => `hh-bench-${i}`

async function main(): Promise<void> {
  process.env.JUCUN_CLOCK = 'controlled'
  const dataDir = mkdtempSync(join(tmpdir(), 'jucun-bench-votes-'))
  const voters = Array.from({ length: VOTERS }, (_, i) => voterId(i))
  const { startLocalCloudbase } = await import('../local/local-cloudbase')
  const local = await startLocalCloudbase({ dataDir, timerIntervalMs: 0, extraSignIns: voters }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  })
  const dbBase = local.db.url.replace(/\/admin$/, '')
  const stats = async () => (await (await fetch(`${dbBase}/__stats`)).json()) as StatsSnapshot
  const resetStats = () => fetch(`${dbBase}/__stats/reset`, { method: 'POST' })
  try {
    const { database } = await import('../cloudfunctions/shared/runtime/cloudbase')
    const { controlledClock } = await import('../cloudfunctions/shared/runtime/clock')
    const { forgetDirectory } = await import('../cloudfunctions/shared/runtime/directory-cache')
    const clock = controlledClock()
    const db = database()
    // One estate of N households in 康乐一网格, as the directory would hold a large 商品房 小区.
    await db.collection('buildings').add({ _id: BUILDING, gridId: 'grid-kangle-1', communityId: 'comm-kangle', estate: '压测花园', name: '1号楼', location: { lng: 121.4358, lat: 31.1886 } })
    for (let i = 0; i < HOUSEHOLDS; i += 1000) {
      await db.collection('households').add(Array.from({ length: Math.min(1000, HOUSEHOLDS - i) }, (_, k) => ({ _id: householdOf(i + k), buildingId: BUILDING, room: String(i + k + 1), area: 60 + ((i + k) % 80) })))
    }
    for (let i = 0; i < VOTERS; i += 1000) {
      await db.collection('users').add(voters.slice(i, i + 1000).map((_id, k) => ({ _id, name: `业主${i + k}`, staff: {}, householdId: householdOf(i + k), tenure: 'owner', createdAt: clock.now() })))
    }
    forgetDirectory()

    const base = local.host.url
    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(`${base}${path}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: JSON.stringify(body) })
      return (await res.json()) as { ok?: boolean; data?: { _id: string }; token?: string; code?: string }
    }
    const tokens = new Map<string, string>()
    for (const openid of [COMMITTEE, ...voters]) tokens.set(openid, (await post('/auth/sign-in', { openid })).token!)
    const call = (openid: string, action: string, input: unknown) => post('/functions/council', { action, input }, tokens.get(openid))

    const t0 = performance.now()
    const opened = await call(COMMITTEE, 'openTopic', {
      idempotencyKey: `bench-${process.pid}`, title: '压测花园是否使用维修资金更换电梯', background: '电梯已运行二十年，是否使用专项维修资金整体更换。', photos: [],
      scope: { kind: 'buildings', buildingIds: [BUILDING] }, unit: 'household', options: { kind: 'yesNo' }, rule: 'art278Special', quorumPercent: 0,
      opensAt: clock.now(), closesAt: clock.now() + 7 * DAY,
    })
    if (!opened.ok) throw new Error(`openTopic: ${opened.code}`)
    const topicId = opened.data!._id
    const fixedSeconds = (performance.now() - t0) / 1000
    const ballots = ((await db.collection('ballots').where({ topicId }).count()) as { total: number }).total
    console.log(`topic over ${HOUSEHOLDS.toLocaleString()} households opened, electorate fixed in ${fixedSeconds.toFixed(1)} s; ${check(`one ballot per household (${ballots})`, ballots === HOUSEHOLDS)}`)

    // Every voter once; 10 % of them tap again right after, so the retry races the first tap (a weak signal).
    const RETRIED = Math.floor(VOTERS * RETRY_SHARE)
    const optionOf = (i: number) => [i % 3 === 0 ? 'no' : 'yes']
    const taps = voters.flatMap((voter, i) => Array.from({ length: i < RETRIED ? 2 : 1 }, () => ({ voter, options: optionOf(i) })))
    const latencies: number[] = []
    let failed = 0
    let next = 0
    const started = performance.now()
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < taps.length) {
        const tap = taps[next++]
        const t = performance.now()
        const answer = await call(tap.voter, 'vote', { topicId, options: tap.options })
        latencies.push(performance.now() - t)
        if (!answer.ok) failed++
      }
    }))
    const seconds = (performance.now() - started) / 1000
    const sorted = [...latencies].sort((a, b) => a - b)
    console.log(`\ncouncil.vote over HTTP: ${taps.length.toLocaleString()} votes from ${VOTERS.toLocaleString()} owners (${RETRIED} retried at once), ${CONCURRENCY} at a time`)
    console.log(`  throughput ${(taps.length / seconds).toFixed(0)} votes/s   p50 ${percentile(sorted, 50).toFixed(1)} ms   p95 ${percentile(sorted, 95).toFixed(1)} ms   refused ${failed}`)

    const cast = ((await db.collection('ballots').where({ topicId, via: db.command.neq(null) }).count()) as { total: number }).total
    console.log(`  ${check(`ballots in for ${VOTERS} distinct households: one each (${cast})`, cast === VOTERS)}; ${check('none refused', failed === 0)}`)

    await resetStats()
    const SAMPLE = 50
    for (let i = 0; i < SAMPLE; i++) await call(voters[i], 'vote', { topicId, options: ['yes'] })
    const perVote = await stats()
    console.log(`\ndatabase requests per vote (a change of ballot, mean of ${SAMPLE}, warm): ${(perVote.total / SAMPLE).toFixed(1)}`)
    for (const [collection, kinds] of Object.entries(perVote.byCollection)) console.log(`  ${collection.padEnd(16)} ${Object.entries(kinds).map(([k, n]) => `${k} ${(n / SAMPLE).toFixed(1)}`).join(', ')}`)

    clock.advance(7 * DAY)
    await resetStats()
    const { timerInvocationContext } = await import('../local/host/invocation-context')
    const c0 = performance.now()
    const closed = (await local.timerMains['council-timer']({ Type: 'Timer', TriggerName: 'council' }, timerInvocationContext('council-timer'))) as { ok: boolean; data: { close: number } }
    const closeSeconds = (performance.now() - c0) / 1000
    const closing = await stats()
    const topic = (await call(COMMITTEE, 'topic', { topicId })) as { data?: { result?: { counts: Record<string, number>; votedUnits: number; verdict: string } } }
    const result = topic.data?.result
    console.log(`\nclose of ${HOUSEHOLDS.toLocaleString()} eligible households (${cast} voted): ${closeSeconds.toFixed(1)} s, ${closing.total} database requests (${closed.ok && closed.data.close === 1 ? 'closed' : 'NOT closed'})`)
    console.log(`  by kind: ${Object.entries(closing.byKind).map(([k, n]) => `${k} ${n}`).join(', ')}`)
    // The first SAMPLE changed their ballot to yes above; every other voter's stands as cast.
    const expectedNo = voters.filter((_, i) => i >= SAMPLE && optionOf(i)[0] === 'no').length
    const counted = Object.values(result?.counts ?? {}).reduce((sum, n) => sum + n, 0)
    console.log(`  result: ${JSON.stringify(result?.counts)} of ${result?.votedUnits} units, ${result?.verdict}`)
    console.log(`  ${check(`the tally adds up to the distinct households (${counted} of ${VOTERS})`, counted === VOTERS && result?.votedUnits === VOTERS)}; ${check(`no = ${expectedNo}, yes = ${VOTERS - expectedNo}`, result?.counts.no === expectedNo && result?.counts.yes === VOTERS - expectedNo)}`)
  } finally {
    await local.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
