import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import type { database as databaseFn } from '../../cloudfunctions/shared/runtime/cloudbase'
import { localSdkEnv } from '../../local/db/sdk-env'

/**
 * Durability: every write the SDK saw acknowledged is still there after the database process is
 * killed with SIGKILL in the middle of a stream of writes and started again on the same directory.
 */
const ROOT = resolve(__dirname, '../..')
const WRITERS = 8
const COLLECTION = 'audit_log'

type Db = ReturnType<typeof databaseFn>

function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/db/main.ts', '--data-dir', dataDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolveReady, reject) => {
    child.once('exit', (code) => reject(new Error(`database exited early with ${code}`)))
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const match = /^ready (\S+)$/.exec(line)
      if (match) resolveReady({ child, url: match[1] })
      else reject(new Error(`unexpected first line: ${line}`))
    })
  })
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode })
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })))
}

let dataDir: string
let db: Db

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jucun-db-crash-'))
  Object.assign(process.env, localSdkEnv('http://127.0.0.1:9/admin'))
  // The SDK clears its 3 s slow-request warning timer only when a request succeeds
  // (node-sdk utils/tcbapirequester.ts); the requests cut off by the kill would leave theirs running.
  process.env.SILENCE = 'true'
  db = (await import('../../cloudfunctions/shared/runtime/cloudbase')).database()
})

afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

test('acknowledged writes survive kill -9 of the database process', async () => {
  const first = await startChild(dataDir)
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: first.url })
  const inserted = new Map<string, number>()
  const counted = new Map<string, number>()
  let stop = false

  const writer = async (w: number) => {
    const counter = `counter-${w}`
    await db.collection(COLLECTION).add({ _id: counter, n: 0 })
    for (let i = 0; !stop; i++) {
      try {
        const id = `w${w}-${i}`
        await db.collection(COLLECTION).add({ _id: id, writer: w, i, at: new Date(i) })
        inserted.set(id, i)
        await db.collection(COLLECTION).doc(counter).update({ n: db.command.inc(1) })
        counted.set(counter, (counted.get(counter) ?? 0) + 1)
      } catch {
        return
      }
    }
  }
  const writing = Array.from({ length: WRITERS }, (_, w) => writer(w))
  while (inserted.size < 400) await new Promise((r) => setTimeout(r, 5))
  first.child.kill('SIGKILL')
  expect(await exited(first.child)).toEqual({ code: null, signal: 'SIGKILL' })
  stop = true
  await Promise.all(writing)

  const second = await startChild(dataDir)
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: second.url })
  try {
    const found = new Map<string, Record<string, unknown>>()
    for (let skip = 0; ; skip += 1000) {
      const page = (await db.collection(COLLECTION).orderBy('_id', 'asc').skip(skip).limit(1000).get()).data as Record<string, unknown>[]
      for (const doc of page) found.set(doc._id as string, doc)
      if (page.length < 1000) break
    }
    const lost = [...inserted].filter(([id, i]) => {
      const doc = found.get(id)
      return !doc || doc.i !== i || !(doc.at instanceof Date) || doc.at.getTime() !== i
    })
    const behind = [...counted].filter(([id, n]) => ((found.get(id)?.n as number | undefined) ?? -1) < n)
    const summary = `${inserted.size} acknowledged inserts and ${[...counted.values()].reduce((a, b) => a + b, 0)} acknowledged increments; lost inserts: ${lost.length}, counters behind: ${behind.length}`
    expect({ summary, lost, behind }).toEqual({ summary, lost: [], behind: [] })
  } finally {
    second.child.kill('SIGTERM')
  }
  expect(await exited(second.child)).toEqual({ code: 0, signal: null })
})
