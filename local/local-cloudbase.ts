import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { startDatabase } from './db/server'
import { localSdkEnv } from './db/sdk-env'
import { createFileStore } from './host/file-store'
import { startFunctionHost } from './host/function-host'
import { pushInvocationContext } from './host/invocation-context'
import { startTimerRunner } from './host/timer-runner'
import { noticeKinds } from '../types/notice.schema'
import { templateVariable } from '../cloudfunctions/shared/runtime/settings'
import { createLocalWechat, type MediaCheckPush } from './wechat/local-wechat'
import { decodeOpenApiCall, encodeOpenApiAnswer } from './wechat/wire'

export type LocalCloudbaseOptions = {
  dataDir: string
  port?: number
  dbPort?: number
  staticDir?: string
  seed?: boolean
  /** How often the timer-triggered functions run; 0 turns them off (tests drive the timer themselves). */
  timerIntervalMs?: number
  /**
   * WeChat's message pushes (media check verdicts) go to wechat-events as they come (`deliver`, the
   * default), or wait until `deliverHeldPushes()` (`hold`): tests look at a photo before its verdict.
   */
  pushes?: 'deliver' | 'hold'
  /**
   * People the host signs in besides the demo personas, by OPENID: a benchmark's fifty party members.
   * The demo's sign-in list (and the app's) stays the personas'.
   */
  extraSignIns?: readonly string[]
}

/** CloudBase runs the deadlines timer every 10 minutes; locally once a minute shows it sooner. */
const DEFAULT_TIMER_INTERVAL_MS = 60_000

/**
 * The whole local CloudBase: the database the real SDK talks to, the demo data, and the function
 * host running the same function entries CloudBase runs. Used by `npm start` and by the tests.
 */
export async function startLocalCloudbase(options: LocalCloudbaseOptions) {
  mkdirSync(options.dataDir, { recursive: true })
  // Storage is answered by two servers: the db server makes its signed URLs (getTempFileURL comes to
  // the SDK's one endpoint), the function host, which starts later, serves them.
  let hostUrl: string | null = null
  const files = createFileStore({
    dir: join(options.dataDir, 'storage'),
    secret: localSecret(options.dataDir, 'storage-secret'),
    // The env the functions' SYMBOL_CURRENT_ENV resolves to: SCF_NAMESPACE, set below (db/sdk-env.ts).
    envId: () => process.env.SCF_NAMESPACE ?? '',
    baseUrl: () => {
      if (hostUrl === null) throw new Error('file storage: the function host is not listening yet')
      return hostUrl
    },
  })
  // The local WeChat downloads a photo for its media check from the signed URL the function gave it.
  const wechat = createLocalWechat({ dataDir: join(options.dataDir, 'wechat'), extraWords: extraWords(), fetchMedia: download })
  const db = await startDatabase({
    dataDir: join(options.dataDir, 'db'),
    port: options.dbPort ?? 0,
    storage: files,
    cloudCalls: (apiName, requestData) => encodeOpenApiAnswer(wechat.call(apiName, decodeOpenApiCall(requestData))),
    // What WeChat delivered, newest first: the subscribe messages a phone would have shown.
    views: { '/__wechat/outbox': () => [...wechat.outbox()].reverse().slice(0, 200) },
  })
  // The SDK reads its redirect from the environment; functions must be imported after this.
  Object.assign(process.env, localSdkEnv(db.url), { ...localTemplates, ...definedOnly(process.env) })
  const [{ functionMains, timerMains, pushMains }, { applyDemoSeed }, { personas }] = await Promise.all([
    import('./host/function-mains'),
    import('./seed/apply-seed'),
    import('./seed/demo-street'),
  ])
  const seeded = options.seed === false ? null : await applyDemoSeed()
  const host = await startFunctionHost({
    functions: functionMains,
    personas: [...personas, ...(options.extraSignIns ?? []).map((openid) => ({ openid, label: openid, description: '', roles: [] }))],
    secret: localSecret(options.dataDir, 'demo-secret'),
    staticDir: options.staticDir,
    files,
    wechat,
    port: options.port ?? 0,
  })
  hostUrl = host.url
  // 云开发 → 消息推送: the media check's verdicts go to wechat-events, started as WeChat starts it (no user).
  const pushToFunction = async (push: MediaCheckPush) => {
    const answer = (await pushMains['wechat-events'](push, pushInvocationContext('wechat-events'))) as { ok?: boolean }
    if (answer?.ok !== true) console.error('[local wechat] wechat-events refused a push', answer)
  }
  const held: MediaCheckPush[] = []
  wechat.routePushesTo(options.pushes === 'hold' ? async (push) => void held.push(push) : pushToFunction)
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
    pushMains,
    files,
    /** Every push WeChat has promised, delivered to wechat-events (held ones too), in order. */
    async deliverHeldPushes() {
      await wechat.deliverPendingPushes()
      while (held.length > 0) await pushToFunction(held.shift()!)
    },
    async close() {
      await timers?.stop()
      await wechat.deliverPendingPushes()
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

/** GET a URL the way WeChat's servers fetch media: the bytes, or null when it does not answer 200. */
async function download(url: string): Promise<Buffer | null> {
  const response = await fetch(url)
  return response.ok ? Buffer.from(await response.arrayBuffer()) : null
}

/** A random secret kept in the data directory, so sign-ins and signed URLs survive a restart. */
function localSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name)
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'))
  return readFileSync(file, 'utf8').trim()
}
