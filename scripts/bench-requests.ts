/**
 * The `requests` function through the local function host over HTTP, as the H5 build calls it:
 *   npm run bench:requests [-- --clients 20 --filings 10]
 * 1. N concurrent clients, each signed in as one of the demo residents, file M requests each:
 *    throughput, p50 and p95 latency.
 * 2. Database requests per filed request and per full lifecycle (file → accept → reply → rate), from
 *    the local database's counters (GET /__stats): on CloudBase each one is billed.
 * Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import type { ActionInput, RouteTarget } from '../types'
import { startLocalCloudbase } from '../local/local-cloudbase'
import { unlimitedRateLimits } from '../cloudfunctions/shared/core/rate-limits'
import type { StatsSnapshot } from '../local/db/stats'
import { seedHousehold } from '../local/seed/demo-buildings'

const { values } = parseArgs({ options: { clients: { type: 'string', default: '20' }, filings: { type: 'string', default: '10' } } })
const CLIENTS = Number(values.clients)
const FILINGS = Number(values.filings)
const SAMPLES = 20

/** The demo residents and where each files: their bound household, or (unbound) a point on the map. */
const residents: Array<{ openid: string; place: RouteTarget }> = [
  { openid: 'demo-resident-a', place: { householdId: seedHousehold('bldg-kl-3', '201') } },
  { openid: 'demo-resident-b', place: { householdId: seedHousehold('bldg-ch-6', '302') } },
  { openid: 'demo-party-member', place: { householdId: seedHousehold('bldg-cq-2', '201') } },
  { openid: 'demo-branch-secretary', place: { householdId: seedHousehold('bldg-cq-1', '101') } },
  { openid: 'demo-resident-unbound', place: { point: { lng: 121.4608, lat: 31.1851 } } },
]

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
let serial = 0
const filing = (place: RouteTarget): ActionInput<'requests', 'file'> => ({
  idempotencyKey: `bench-${process.pid}-${++serial}`, category: 'hazard', text: `楼道电线乱拉（压测 ${serial}）`, photos: [], place,
})

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jucun-bench-requests-'))
  // Five personas filing as fast as the host takes them: a flood by core/rate-limits.ts, which is not what this measures.
  process.env.RATE_LIMITS = JSON.stringify(unlimitedRateLimits)
  const local = await startLocalCloudbase({ dataDir, timerIntervalMs: 0 })
  const base = local.host.url
  const dbBase = local.db.url.replace(/\/admin$/, '')
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: JSON.stringify(body) })
    return (await res.json()) as { ok?: boolean; data?: { _id: string; ownerId: string | null }; token?: string; code?: string }
  }
  const tokens = new Map<string, string>()
  for (const openid of [...residents.map((r) => r.openid), 'demo-worker-kangle-a']) tokens.set(openid, (await post('/auth/sign-in', { openid })).token!)
  const call = async (openid: string, action: string, input: unknown) => {
    const answer = await post('/functions/requests', { action, input }, tokens.get(openid))
    if (!answer.ok) throw new Error(`${action} as ${openid}: ${answer.code}`)
    return answer.data!
  }
  const stats = async () => (await (await fetch(`${dbBase}/__stats`)).json()) as StatsSnapshot
  const resetStats = () => fetch(`${dbBase}/__stats/reset`, { method: 'POST' })

  try {
    // Warm: the directory cache, the JIT, the SQLite pages.
    for (const r of residents) await call(r.openid, 'file', filing(r.place))

    const latencies: number[] = []
    const started = performance.now()
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        const r = residents[client % residents.length]
        for (let i = 0; i < FILINGS; i++) {
          const t0 = performance.now()
          await call(r.openid, 'file', filing(r.place))
          latencies.push(performance.now() - t0)
        }
      }),
    )
    const seconds = (performance.now() - started) / 1000
    const sorted = [...latencies].sort((a, b) => a - b)
    console.log(`requests.file over HTTP: ${CLIENTS} concurrent clients (as ${residents.length} demo residents) × ${FILINGS} filings`)
    console.log(`  throughput ${(latencies.length / seconds).toFixed(0)} filings/s   p50 ${percentile(sorted, 50).toFixed(1)} ms   p95 ${percentile(sorted, 95).toFixed(1)} ms`)

    const a = residents[0]
    await resetStats()
    for (let i = 0; i < SAMPLES; i++) await call(a.openid, 'file', filing(a.place))
    const filed = await stats()
    console.log(`\ndatabase requests per filed request (mean of ${SAMPLES}, warm): ${(filed.total / SAMPLES).toFixed(1)}`)
    for (const [collection, kinds] of Object.entries(filed.byCollection)) console.log(`  ${collection.padEnd(16)} ${describe(kinds, SAMPLES)}`)

    const perStep: Record<string, number> = {}
    const step = async (name: string, run: () => Promise<unknown>) => {
      const before = (await stats()).total
      await run()
      perStep[name] = (perStep[name] ?? 0) + (await stats()).total - before
    }
    await resetStats()
    for (let i = 0; i < SAMPLES; i++) {
      let id = ''
      await step('file', async () => (id = (await call(a.openid, 'file', filing(a.place)))._id))
      await step('accept', () => call('demo-worker-kangle-a', 'accept', { requestId: id }))
      await step('reply', () => call('demo-worker-kangle-a', 'reply', { requestId: id, text: '已处理', photos: [] }))
      await step('rate', () => call(a.openid, 'rate', { requestId: id, outcome: 'resolved', satisfaction: 'satisfied' }))
    }
    const lifecycle = await stats()
    console.log(`\ndatabase requests per full lifecycle (file → accept → reply → rate, mean of ${SAMPLES}): ${(lifecycle.total / SAMPLES).toFixed(1)}`)
    console.log(`  ${Object.entries(perStep).map(([name, n]) => `${name} ${(n / SAMPLES).toFixed(1)}`).join('   ')}`)
    console.log(`  by kind: ${describe(lifecycle.byKind, SAMPLES)}`)
  } finally {
    await local.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const describe = (kinds: Record<string, number>, n: number) =>
  Object.entries(kinds).map(([kind, count]) => `${kind} ${(count / n).toFixed(1)}`).join(', ')

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
