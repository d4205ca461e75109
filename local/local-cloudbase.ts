import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { startDatabase } from './db/server'
import { localSdkEnv } from './db/sdk-env'
import { startFunctionHost } from './host/function-host'
import { startTimerRunner } from './host/timer-runner'
import { noticeKinds } from '../types/notice.schema'
import { templateVariable } from '../cloudfunctions/shared/runtime/settings'
import { createLocalWechat } from './wechat/local-wechat'
import { decodeOpenApiCall, encodeOpenApiAnswer } from './wechat/wire'

export type LocalCloudbaseOptions = {
  dataDir: string
  port?: number
  dbPort?: number
  staticDir?: string
  seed?: boolean
  /** How often the timer-triggered functions run; 0 turns them off (tests drive the timer themselves). */
  timerIntervalMs?: number
}

/** CloudBase runs the deadlines timer every 10 minutes; locally once a minute shows it sooner. */
const DEFAULT_TIMER_INTERVAL_MS = 60_000

/**
 * The whole local CloudBase: the database the real SDK talks to, the demo data, and the function
 * host running the same function entries CloudBase runs. Used by `npm start` and by the tests.
 */
export async function startLocalCloudbase(options: LocalCloudbaseOptions) {
  mkdirSync(options.dataDir, { recursive: true })
  const wechat = createLocalWechat({ dataDir: join(options.dataDir, 'wechat'), extraWords: extraWords() })
  const db = await startDatabase({
    dataDir: join(options.dataDir, 'db'),
    port: options.dbPort ?? 0,
    cloudCalls: (apiName, requestData) => encodeOpenApiAnswer(wechat.call(apiName, decodeOpenApiCall(requestData))),
    // What WeChat delivered, newest first: the subscribe messages a phone would have shown.
    views: { '/__wechat/outbox': () => [...wechat.outbox()].reverse().slice(0, 200) },
  })
  // The SDK reads its redirect from the environment; functions must be imported after this.
  Object.assign(process.env, localSdkEnv(db.url), { ...localTemplates, ...definedOnly(process.env) })
  const [{ functionMains, timerMains }, { applyDemoSeed }, { personas }] = await Promise.all([
    import('./host/function-mains'),
    import('./seed/apply-seed'),
    import('./seed/demo-street'),
  ])
  const seeded = options.seed === false ? null : await applyDemoSeed()
  const host = await startFunctionHost({
    functions: functionMains,
    personas,
    secret: demoSecret(options.dataDir),
    staticDir: options.staticDir,
    storageDir: join(options.dataDir, 'storage'),
    wechat,
    port: options.port ?? 0,
  })
  const intervalMs = options.timerIntervalMs ?? Number(process.env.JUCUN_TIMER_INTERVAL_MS ?? DEFAULT_TIMER_INTERVAL_MS)
  const timers = intervalMs > 0 ? startTimerRunner({ mains: timerMains, intervalMs }) : null
  return {
    db,
    wechat,
    host,
    seeded,
    personas,
    functionMains,
    timerMains,
    async close() {
      await timers?.stop()
      await host.close()
      await db.close()
    },
  }
}

/**
 * One subscribe-message template per kind of notice, as a deployment names them in `.env`, so the local
 * WeChat spends and records subscriptions as the real one does. A variable already set wins.
 */
export const localTemplates: Record<string, string> = Object.fromEntries(
  noticeKinds.map((kind) => [templateVariable(kind), `local-${kind}`]),
)

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''))
}

/** JUCUN_WORDLIST_FILE: a deployment's own words for the local content check, one per line. */
function extraWords(): string[] {
  const file = process.env.JUCUN_WORDLIST_FILE
  return file ? readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean) : []
}

function demoSecret(dataDir: string): string {
  const file = join(dataDir, 'demo-secret')
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'))
  return readFileSync(file, 'utf8').trim()
}
