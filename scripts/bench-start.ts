import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ensureTaroBuild } from '../local/taro-build'

/**
 * `npm start` to ready with H5 already built (target ≤ 60 s): a cold start on an empty data
 * directory (seeding included), then a warm one on the same data. Prints figures; asserts nothing.
 */
const root = resolve(__dirname, '..')

function timeStart(dataDir: string, port: number): Promise<number> {
  return new Promise((resolveTime, reject) => {
    const startedAt = process.hrtime.bigint()
    const child = spawn('npm', ['start'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), JUCUN_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('is running')) {
        const ms = Number(process.hrtime.bigint() - startedAt) / 1e6
        child.once('exit', () => resolveTime(ms))
        process.kill(-child.pid!, 'SIGTERM')
      }
    })
    child.once('exit', (code) => {
      if (!output.includes('is running')) reject(new Error(`npm start exited (${code}) before ready:\n${output}`))
    })
  })
}

async function bench(): Promise<void> {
  await ensureTaroBuild(root, 'h5')
  const dataDir = mkdtempSync(join(tmpdir(), 'jucun-bench-start-'))
  try {
    const cold = await timeStart(dataDir, 18_787)
    const warm = await timeStart(dataDir, 18_787)
    console.log(`npm start → ready (H5 built): cold ${(cold / 1000).toFixed(2)} s (empty data, seeds), warm ${(warm / 1000).toFixed(2)} s (target ≤ 60 s)`)
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

bench().catch((error) => {
  console.error(error)
  process.exit(1)
})
