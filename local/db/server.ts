import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { collectionIndexes, type IndexSpec } from '../../cloudfunctions/shared/runtime/collections'
import { DbError } from './errors'
import { multipartFields } from './multipart'
import { handle } from './protocol'
import { Stats } from './stats'
import type { StorageBackend } from './storage-actions'
import { Store } from './store'
import { Transactions } from './transactions'

export type DatabaseServer = { url: string; port: number; close(): Promise<void> }

/** Answers one open-API cloud call (wx-server-sdk's `wx.openApi` action) with the raw answer body. */
export type CloudCallHandler = (apiName: string, requestData: Buffer) => Buffer

/**
 * The local CloudBase database: an HTTP server on loopback that the unmodified @cloudbase/node-sdk
 * talks to once redirected (see sdk-env.ts), durable in `dataDir`. Every declared collection and
 * index (cloudfunctions/shared/runtime/collections.ts) exists from the start. `GET /__stats` and
 * `POST /__stats/reset` count the database requests served. The same endpoint takes wx-server-sdk's
 * open-API cloud calls, which it POSTs there as multipart forms, and hands them to `cloudCalls`, and
 * the node SDK's storage actions (getTempFileURL), which `storage` answers.
 */
export async function startDatabase(opts: {
  dataDir: string
  port?: number
  host?: string
  cloudCalls?: CloudCallHandler
  /** Answers the SDK's storage actions (getTempFileURL); without it they fail as invalid. */
  storage?: StorageBackend
  /** Read-only JSON views for people looking at the local CloudBase (`GET <path>`), e.g. the WeChat outbox. */
  views?: Record<string, () => unknown>
  /** The collections and indexes that exist from the start: the functions' (collections.ts) unless a test declares its own. */
  indexes?: Record<string, IndexSpec[]>
}): Promise<DatabaseServer> {
  const store = new Store(opts.dataDir, opts.indexes ?? collectionIndexes)
  const transactions = new Transactions(store)
  const stats = new Stats()

  const server = createServer((req, res) => {
    void serve(req, res).catch((error: unknown) => reply(res, 500, { message: String(error) }))
  })

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]
    if (path === '/__stats' && req.method === 'GET') return reply(res, 200, stats.snapshot())
    const view = req.method === 'GET' && opts.views && Object.hasOwn(opts.views, path) ? opts.views[path] : undefined
    if (view) return reply(res, 200, view())
    // The URL `npm start` prints: a person opening it in a browser sees what is stored, read-only.
    if (path === '/admin' && (req.method === 'GET' || req.method === 'HEAD')) {
      const page = adminPage(store.collectionSizes(), Object.keys(opts.views ?? {}))
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(page), 'cache-control': 'no-store' })
      return void res.end(req.method === 'HEAD' ? undefined : page)
    }
    if (path === '/__stats/reset' && req.method === 'POST') {
      stats.reset()
      return reply(res, 200, { ok: true })
    }
    if (req.method !== 'POST') return reply(res, 405, { message: 'POST the SDK request' })
    const requestId = randomUUID()
    const raw = await body(req)
    if (/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) return serveForm(req, res, raw, requestId)
    let params: Record<string, unknown>
    try {
      params = JSON.parse(raw.toString('utf8')) as Record<string, unknown>
    } catch {
      return reply(res, 200, { code: 'INVALID_PARAM', message: 'request body is not JSON', requestId })
    }
    // Storage actions are storage's, billed apart: the stats count database requests only.
    if (!String(params.action).startsWith('storage.')) stats.record(String(params.action), params.collectionName)
    try {
      const answer = await handle(params, store, transactions, opts.storage)
      // Acknowledged only once what it wrote is on disk (store.ts: group commit).
      await store.durable()
      reply(res, 200, { requestId, ...answer })
    } catch (error) {
      reply(res, 200, { ...failure(error), requestId })
    }
  }

  function serveForm(req: IncomingMessage, res: ServerResponse, raw: Buffer, requestId: string): void {
    const form = multipartFields(raw, req.headers['content-type'] ?? '')
    // Not counted in the stats: those are the billed database requests; cloud calls are WeChat's.
    const action = form.get('action')?.toString('utf8')
    const apiName = form.get('apiName')?.toString('utf8')
    const requestData = form.get('requestData')
    if (action !== 'wx.openApi' || !opts.cloudCalls || !apiName || !requestData) {
      return reply(res, 200, { code: 'INVALID_PARAM', message: `action ${action} is not served by the local CloudBase`, requestId })
    }
    const answer = opts.cloudCalls(apiName, requestData)
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': answer.length })
    res.end(answer)
  }

  const host = opts.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/admin`,
    port,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      transactions.close()
      store.close()
    },
  }
}

// Anything but a DbError is a fault here, answered with CloudBase's internal-error code so the SDK throws it.
function failure(error: unknown): { code: string; message: string } {
  if (error instanceof DbError) return { code: error.code, message: error.message }
  console.error('[local db]', error)
  return { code: 'SYS_ERR', message: error instanceof Error ? error.message : String(error) }
}

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function reply(res: ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

function adminPage(collections: Array<{ name: string; count: number }>, views: string[]): string {
  const escape = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`)
  const rows = collections.map(({ name, count }) => `<tr><td>${escape(name)}</td><td>${count}</td></tr>`).join('')
  const links = ['/__stats', ...views].map((path) => `<li><a href="${escape(path)}">${escape(path)}</a></li>`).join('')
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>本地 CloudBase</title><style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#222}td{padding:.2rem 1.5rem .2rem 0}td+td{text-align:right}</style>
<h1>本地 CloudBase（只读）</h1><p>函数通过 @cloudbase/node-sdk 向本地址 POST 请求；这里只列出集合与文档数。</p>
<table><tr><th align="left">集合</th><th>文档数</th></tr>${rows}</table><h2>其他只读视图</h2><ul>${links}</ul></html>`
}
