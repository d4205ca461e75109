/**
 * Latency of the local CloudBase database through the real SDK: one write (add) and one read
 * (doc().get()) per iteration, against a fresh server with an empty data directory.
 *   npx tsx scripts/bench-db.ts [iterations=2000]
 * Prints p50 and p99 per operation and per iteration; the target is p50 ≤ 3 ms. Figures, not asserts.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Collections } from '../cloudfunctions/shared/runtime/collections'
import { startDatabase } from '../local/db/server'
import { localSdkEnv } from '../local/db/sdk-env'

const ITERATIONS = Number(process.argv[2] ?? 2000)
const WARM_UP = 200

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jucun-bench-db-'))
  const server = await startDatabase({ dataDir, port: 0 })
  Object.assign(process.env, localSdkEnv(server.url))
  const { database } = await import('../cloudfunctions/shared/runtime/cloudbase')
  const audit = database().collection(Collections.auditLog)
  const timings = { write: [] as number[], read: [] as number[], iteration: [] as number[] }
  try {
    for (let i = 0; i < WARM_UP + ITERATIONS; i++) {
      const start = performance.now()
      const { id } = await audit.add({ actorId: `bench-${i % 50}`, at: new Date(), action: 'bench', detail: { i } })
      const written = performance.now()
      const { data } = await audit.doc(id as string).get()
      const read = performance.now()
      if ((data as unknown[]).length !== 1) throw new Error(`read back ${(data as unknown[]).length} documents for ${id}`)
      if (i < WARM_UP) continue
      timings.write.push(written - start)
      timings.read.push(read - written)
      timings.iteration.push(read - start)
    }
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  console.log(`local CloudBase database, ${ITERATIONS} iterations after ${WARM_UP} warm-up (WAL, synchronous=FULL)`)
  for (const [name, values] of Object.entries(timings)) {
    const sorted = [...values].sort((a, b) => a - b)
    console.log(`${name.padEnd(10)} p50 ${percentile(sorted, 50).toFixed(2)} ms   p99 ${percentile(sorted, 99).toFixed(2)} ms`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
