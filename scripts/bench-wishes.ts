/**
 * The `wishes` function through the local function host over HTTP, as the H5 build calls it:
 *   npm run bench:wishes [-- --members 50 --wishes 20]
 * 1. M party members of one branch tap 认领 at once on the published wishes, in rounds of up to 10
 *    (a household's cap), each member on 5 of them — more than the 3 they may hold, so the cap is
 *    raced too: claims/s, p50 and p95 latency, and the checks, on the answers and on what is stored,
 *    that no wish has two claimers, a wish left unclaimed (all its tappers at their cap just then) is
 *    still open to claim, and no member holds more than 3 live claims.
 * 2. Database requests per wish lifecycle (post → review → claim → fulfil → confirm), from the local
 *    database's counters (GET /__stats): on CloudBase each one is billed.
 * 3. The weapp main package and the 微心愿 subpackage, when dist/weapp has been built.
 * Prints figures, not timed tests; a correctness check that fails is printed and sets the exit code.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import type { ActionInput } from '../types'
import { startLocalCloudbase } from '../local/local-cloudbase'
import type { StatsSnapshot } from '../local/db/stats'
import { seedHousehold } from '../local/seed/demo-buildings'

const { values } = parseArgs({ options: { members: { type: 'string', default: '50' }, wishes: { type: 'string', default: '20' } } })
const MEMBERS = Number(values.members)
const WISHES = Number(values.wishes)
const SAMPLES = 10
const DAY = 86_400_000

const WISHER = 'demo-resident-a' // 康乐小区3号楼201 → 康乐一网格党支部
const REVIEWER = 'demo-worker-kangle-a'
const COMMITTEE = 'demo-committee-kangle'
const BRANCH = 'br-grid-kangle-1'

/** A correctness check: said either way, and a failure fails the run (the figures still print). */
function check(what: string, holds: boolean): string {
  if (!holds) process.exitCode = 1
  return `${what}: ${holds ? 'yes' : 'NO'}`
}

/** Each member taps 认领 on this many wishes of a round at once: more than the cap, so the cap is raced. */
const TAPS_PER_MEMBER = 5

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
let serial = 0
const wishForm = (): ActionInput<'wishes', 'post'> => ({
  idempotencyKey: `bench-${process.pid}-${++serial}`, category: 'life', text: `想请人帮忙取快递（压测 ${serial}）`, photos: [],
  neededBy: Date.now() + 10 * DAY, delivery: 'station', place: { householdId: seedHousehold('bldg-kl-3', '201') },
})

type Answer = { ok?: boolean; data?: { _id: string; status?: string }; token?: string; code?: string; message?: string }

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jucun-bench-wishes-'))
  const members = Array.from({ length: MEMBERS }, (_, i) => `bench-member-${i}`)
  const local = await startLocalCloudbase({ dataDir, timerIntervalMs: 0, extraSignIns: members }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  })
  const base = local.host.url
  const dbBase = local.db.url.replace(/\/admin$/, '')
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: JSON.stringify(body) })
    return (await res.json()) as Answer
  }
  const tokens = new Map<string, string>()
  const signIn = async (openid: string) => tokens.set(openid, (await post('/auth/sign-in', { openid })).token!)
  const call = (openid: string, action: string, input: unknown) => post('/functions/wishes', { action, input }, tokens.get(openid))
  const must = async (openid: string, action: string, input: unknown) => {
    const answer = await call(openid, action, input)
    if (!answer.ok) throw new Error(`${action} as ${openid}: ${answer.code}`)
    return answer.data!
  }
  const stats = async () => (await (await fetch(`${dbBase}/__stats`)).json()) as StatsSnapshot
  const resetStats = () => fetch(`${dbBase}/__stats/reset`, { method: 'POST' })

  try {
    // Verified members of the branch, written into the directory as a secretary's verification leaves them.
    const { database } = await import('../cloudfunctions/shared/runtime/cloudbase')
    await database().collection('users').add(members.map((_id, i) => ({
      _id, name: `党员${i}`, phone: `139${String(i).padStart(8, '0')}`, staff: {}, party: { branchId: BRANCH, status: 'verified', verifiedAt: Date.now() }, createdAt: Date.now(),
    })))
    for (const openid of [WISHER, REVIEWER, COMMITTEE, ...members]) await signIn(openid)
    await must(COMMITTEE, 'updateSettings', { communityId: 'comm-kangle', openPerHousehold: 10 })

    const published = async () => {
      const wish = await must(WISHER, 'post', wishForm())
      return must(REVIEWER, 'review', { wishId: wish._id, decision: 'publish', summary: '需要有人帮忙取快递' })
    }
    // The cap is 10 open wishes a household: post in rounds of 10, each round claimed, then closed.
    const rounds = Math.ceil(WISHES / 10)
    const latencies: number[] = []
    const winners = new Map<string, string[]>()
    let conflicts = 0
    let atTheCap = 0
    let elapsed = 0
    let mostHeld = 0
    let storedAgrees = true
    let unclaimedStillOpen = true
    for (let round = 0; round < rounds; round++) {
      const wishes = await Promise.all(Array.from({ length: Math.min(10, WISHES - round * 10) }, published))
      const taps = members.flatMap((member, m) => Array.from({ length: Math.min(TAPS_PER_MEMBER, wishes.length) }, (_, k) => ({ member, wish: wishes[(m * TAPS_PER_MEMBER + k) % wishes.length] })))
      const started = performance.now()
      await Promise.all(taps.map(async ({ member, wish }) => {
        const t0 = performance.now()
        const answer = await call(member, 'claim', { wishId: wish._id })
        latencies.push(performance.now() - t0)
        if (answer.ok) winners.set(wish._id, [...(winners.get(wish._id) ?? []), member])
        else {
          conflicts++
          if (answer.message?.includes('个认领中的心愿')) atTheCap++
        }
      }))
      elapsed += performance.now() - started
      const held = new Map<string, number>()
      for (const wish of wishes) for (const m of winners.get(wish._id) ?? []) held.set(m, (held.get(m) ?? 0) + 1)
      mostHeld = Math.max(mostHeld, ...held.values())
      // What is stored, not only what was answered: each wish's claimer is its one winner.
      const { data: stored } = await database().collection('wishes').where({ _id: database().command.in(wishes.map((w) => w._id)) }).get()
      for (const wish of stored as { _id: string; status: string; claim: { memberId: string } | null }[]) {
        if ((winners.get(wish._id) ?? []).join() !== (wish.claim ? wish.claim.memberId : '')) storedAgrees = false
        // Taps beyond the cap are refused while a member's other claims are in flight (the slot is
        // taken first), so a wish whose every tapper was at the cap just then stays open to claim.
        if (!wish.claim && wish.status !== 'published') unclaimedStillOpen = false
      }
      // Every claim ends (released) and every wish closes (withdrawn), so the next round starts clean.
      for (const wish of wishes) {
        for (const member of winners.get(wish._id) ?? []) await must(member, 'release', { wishId: wish._id, reason: '压测结束' })
        await must(WISHER, 'withdraw', { wishId: wish._id })
      }
    }
    const sorted = [...latencies].sort((a, b) => a - b)
    const oneEach = [...winners.values()].every((claimers) => claimers.length === 1)
    console.log(`wishes.claim over HTTP: ${MEMBERS} members on ${WISHES} wishes, each member tapping 认领 on ${TAPS_PER_MEMBER} at once (${rounds} round${rounds > 1 ? 's' : ''} of ≤10 wishes, ${latencies.length} claims)`)
    console.log(`  throughput ${(latencies.length / (elapsed / 1000)).toFixed(0)} claims/s   p50 ${percentile(sorted, 50).toFixed(1)} ms   p95 ${percentile(sorted, 95).toFixed(1)} ms`)
    console.log(`  ${check(`never two claimers of one wish (${winners.size} of ${WISHES} claimed; ${conflicts} refused, ${atTheCap} of them at the cap)`, oneEach)}; ${check('each unclaimed wish still open to claim', unclaimedStillOpen)}`)
    console.log(`  ${check(`no member held more than 3 live claims (most: ${mostHeld})`, mostHeld <= 3)}; ${check('the stored claims agree with the answers', storedAgrees)}`)

    const perStep: Record<string, number> = {}
    const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      const before = (await stats()).total
      const result = await run()
      perStep[name] = (perStep[name] ?? 0) + (await stats()).total - before
      return result
    }
    const claimer = members[0]
    await resetStats()
    for (let i = 0; i < SAMPLES; i++) {
      const wish = await step('post', () => must(WISHER, 'post', wishForm()))
      await step('review', () => must(REVIEWER, 'review', { wishId: wish._id, decision: 'publish', summary: '需要有人帮忙取快递' }))
      await step('claim', () => must(claimer, 'claim', { wishId: wish._id }))
      await step('fulfil', () => must(claimer, 'fulfil', { wishId: wish._id, note: '快递已送到居委会', photos: [] }))
      await step('confirm', () => must(WISHER, 'confirm', { wishId: wish._id, thanks: '谢谢' }))
    }
    const lifecycle = await stats()
    console.log(`\ndatabase requests per wish lifecycle (post → review → claim → fulfil → confirm, mean of ${SAMPLES}): ${(lifecycle.total / SAMPLES).toFixed(1)}`)
    console.log(`  ${Object.entries(perStep).map(([name, n]) => `${name} ${(n / SAMPLES).toFixed(1)}`).join('   ')}`)
    console.log(`  by kind: ${Object.entries(lifecycle.byKind).map(([kind, count]) => `${kind} ${(count / SAMPLES).toFixed(1)}`).join(', ')}`)
  } finally {
    await local.close()
    rmSync(dataDir, { recursive: true, force: true })
  }

  console.log('')
  if (existsSync('dist/weapp/app.json')) spawnSync('node', ['scripts/check-weapp-size.mjs'], { stdio: 'inherit' })
  else console.log('weapp sizes: dist/weapp not built (npm run build:weapp)')
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
