import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { startLocalCloudbase } from '../../local/local-cloudbase'

/**
 * How the local function host serves the H5 build and how the local CloudBase answers a person's
 * browser: compressed, cached by content hash, HEAD answered, malformed paths refused rather than
 * crashing, and the printed admin URL a readable page. Raw HTTP, so nothing decodes for us.
 */
type Raw = { status: number; headers: IncomingHttpHeaders; body: Buffer }

function raw(url: string, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Raw> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

const script = `console.log(${JSON.stringify('居村通 '.repeat(2000))})\n`
const html = '<!doctype html><html><head><script src="./js/app.0123abcd.js"></script></head><body></body></html>'

let dataDir: string
let staticDir: string
let local: Awaited<ReturnType<typeof startLocalCloudbase>>
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jucun-host-static-'))
  staticDir = join(dataDir, 'h5')
  mkdirSync(join(staticDir, 'js'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), html)
  writeFileSync(join(staticDir, 'js/app.0123abcd.js'), script)
  local = await startLocalCloudbase({ dataDir: join(dataDir, 'data'), staticDir, timerIntervalMs: 0, seed: false })
})
afterAll(async () => {
  await local.close()
  rmSync(dataDir, { recursive: true, force: true })
})

test('a hashed script is sent brotli- or gzip-compressed as the browser accepts, and may be kept a year', async () => {
  const br = await raw(local.host.url, '/js/app.0123abcd.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } })
  expect(br.status).toBe(200)
  expect(br.headers['content-encoding']).toBe('br')
  expect(brotliDecompressSync(br.body).toString()).toBe(script)
  expect(br.body.length).toBeLessThan(Buffer.byteLength(script) / 10)
  expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  expect(br.headers.vary).toBe('accept-encoding')

  const gz = await raw(local.host.url, '/js/app.0123abcd.js', { headers: { 'accept-encoding': 'gzip' } })
  expect(gz.headers['content-encoding']).toBe('gzip')
  expect(gunzipSync(gz.body).toString()).toBe(script)

  const plain = await raw(local.host.url, '/js/app.0123abcd.js')
  expect(plain.headers['content-encoding']).toBeUndefined()
  expect(plain.body.toString()).toBe(script)
})

test('index.html is asked for again every time, and an unchanged one answers 304 by its ETag', async () => {
  const first = await raw(local.host.url, '/')
  expect(first.status).toBe(200)
  expect(first.body.toString()).toBe(html)
  expect(first.headers['cache-control']).toBe('no-cache')
  const again = await raw(local.host.url, '/', { headers: { 'if-none-match': String(first.headers.etag) } })
  expect(again.status).toBe(304)
  expect(again.body.length).toBe(0)
})

test('HEAD is answered with the headers GET would send and no body', async () => {
  const get = await raw(local.host.url, '/js/app.0123abcd.js', { headers: { 'accept-encoding': 'br' } })
  const head = await raw(local.host.url, '/js/app.0123abcd.js', { method: 'HEAD', headers: { 'accept-encoding': 'br' } })
  expect(head.status).toBe(200)
  expect(head.body.length).toBe(0)
  expect(head.headers['content-length']).toBe(String(get.body.length))
  expect(head.headers['content-type']).toBe(get.headers['content-type'])
})

test.each(['//%5C', '/%', '/%E0%A4%A', '//evil.example/x', '/js/%2e%2e/%2e%2e/package.json'])(
  'a malformed or escaping path (%s) is refused or given the app, never a 500 or a file outside the build',
  async (path) => {
    const answer = await raw(local.host.url, path)
    expect([200, 400]).toContain(answer.status)
    if (answer.status === 200) expect(answer.body.toString()).toBe(html)
  },
)

test('the local CloudBase URL that npm start prints opens a read-only page of collections and counts', async () => {
  const page = await raw(local.db.url, '/admin', { headers: { accept: 'text/html' } })
  expect(page.status).toBe(200)
  expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
  const text = page.body.toString()
  expect(text).toContain('本地 CloudBase（只读）')
  expect(text).toMatch(/<td>requests<\/td><td>0<\/td>/)
  expect(text).toContain('/__wechat/outbox')
})
