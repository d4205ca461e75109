import { createHmac } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

function raw(url: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end(options.body)
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

/**
 * Issue 10, finding 7: "The host answers 500 to malformed URLs (GET //%5C, GET /%, GET /%E0%A4%A):
 * 34 of 300 malformed requests." The three paths and 300 more, built from broken escapes,
 * doubled slashes, dot segments and stray delimiters, to the static host (GET, HEAD) and to the
 * function host (POST /functions/..., signed in): each is answered, none with a 5xx.
 */
const brokenPieces = ['%', '%E0%A4%A', '%5C', '%ZZ', '%%', '%C0%AF', '%FF%FE', '%00', '%2e%2e', '..%2f', '%2F%2F', '%u0041', '%E2%82', '\\', '%5C..%5C', '.', '..', ';', '@', ':', '%3A%3A', '~', '!', '$', "'", '(', '*', '+', ',', '=', '%0A', '%0D%0A', '%20', '%3F', '%23', '?%', '?a=%', '#%', '//', '%E0%A4%A/x']
const prefixes = ['/', '//', '///', '/js/', '/auth/', '/functions/', '/functions//', '/functions/requests', '/functions/requests/', '/functions/wishes/', '/storage/']
const malformedPaths = [
  '//%5C',
  '/%',
  '/%E0%A4%A',
  ...prefixes.flatMap((prefix, p) =>
    brokenPieces.filter((_, i) => (i + p) % 5 !== 0).map((piece, i) => `${prefix}${piece}${i % 3 === 0 ? piece : ''}`),
  ),
].slice(0, 303)

describe('finding 7: malformed URLs and demo tokens', () => {
  let persona: string
  let token: string
  const demoSecret = () => readFileSync(join(dataDir, 'data', 'demo-secret'), 'utf8').trim()
  const forged = (openid: string) =>
    `${Buffer.from(openid).toString('base64url')}.${createHmac('sha256', demoSecret()).update(openid).digest('base64url')}`
  const call = (bearer: string) =>
    raw(local.host.url, '/functions/directory', {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'whoami' }),
    })

  beforeAll(async () => {
    const personas = JSON.parse((await raw(local.host.url, '/auth/personas')).body.toString()) as Array<{ openid: string }>
    persona = personas[0].openid
    const signIn = await raw(local.host.url, '/auth/sign-in', { method: 'POST', body: JSON.stringify({ openid: persona }) })
    token = (JSON.parse(signIn.body.toString()) as { token: string }).token
  })

  test(`${malformedPaths.length} malformed URLs to the static and the function host: none answered with a 5xx`, async () => {
    expect(malformedPaths.length).toBeGreaterThanOrEqual(300)
    const failures: string[] = []
    for (const path of malformedPaths) {
      for (const method of ['GET', 'HEAD', 'POST']) {
        const answer = await raw(local.host.url, path, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: method === 'POST' ? '{}' : undefined,
        })
        if (answer.status >= 500 || answer.status === 0) failures.push(`${method} ${path} → ${answer.status}`)
      }
    }
    expect(failures).toEqual([])
  })

  test('malformed or oversized bodies to every POST the host answers (sign-in, upload, subscribe, functions): each answered, none with a 5xx', async () => {
    const bodies = ['', '{', 'null', '[]', '"x"', '1', '{"openid":{"toString":1}}', '{"action":"whoami","input":null}', '{"action":["whoami"]}',
      '{"tmplIds":"x"}', '{"tmplIds":[1,2]}', '\u0000', '\ud800', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'x'.repeat(3 * 1024 * 1024)]
    const contentTypes = ['application/json', 'multipart/form-data; boundary=x', 'multipart/form-data', 'image/jpeg', 'text/plain']
    const paths = ['/auth/sign-in', '/storage/upload', '/wechat/request-subscribe', '/functions/directory', '/functions/requests']
    const failures: string[] = []
    for (const path of paths) {
      for (const body of bodies) {
        for (const type of contentTypes) {
          // Over one kept-alive connection, as a browser sends them: an answer cut off or never given fails too.
          const answer = await Promise.race([
            raw(local.host.url, path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body }).then((a) => String(a.status), (e: Error) => e.message),
            new Promise<string>((resolve) => setTimeout(() => resolve('no answer in 5 s'), 5000).unref()),
          ])
          if (!/^[1-4]\d\d$/.test(answer)) failures.push(`POST ${path} ${type} ${JSON.stringify(body.slice(0, 12))} (${body.length} bytes) → ${answer}`)
        }
      }
    }
    expect(failures).toEqual([])
  })

  test('a persona\'s own token is accepted', async () => {
    expect((await call(token)).status).toBe(200)
    expect((await call(forged(persona))).status).toBe(200)
  })

  test('a correctly signed token for an openid outside the personas is refused', async () => {
    expect((await call(forged('o-not-a-persona'))).status).toBe(401)
  })

  test('a token with an extra segment, or another spelling of the openid, is refused', async () => {
    expect((await call(`${token}.extra`)).status).toBe(401)
    expect((await call(`${token}.`)).status).toBe(401)
    const [encoded, signature] = token.split('.')
    expect((await call(`${encoded}=.${signature}`)).status).toBe(401)
  })
})
