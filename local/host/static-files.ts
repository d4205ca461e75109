import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { IncomingMessage, ServerResponse } from 'node:http'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

const compressible = new Set(['.html', '.js', '.css', '.json', '.svg'])

// Taro names every built script and stylesheet by its content hash (config/index.ts `output`), so a
// name never changes meaning: the browser may keep it a year. index.html names the current hashes
// and must be asked for again each time.
const hashedName = /\.[0-9a-f]{8}\.(js|css)$/
const foreverCache = 'public, max-age=31536000, immutable'
const alwaysRevalidate = 'no-cache'

type Encoded = { identity: Buffer; br?: Buffer; gzip?: Buffer }
type CachedFile = { mtimeMs: number; size: number; body: Promise<Encoded> }

const compressBrotli = promisify(brotliCompress)
const compressGzip = promisify(gzip)

/**
 * The H5 build, with index.html for any path that is not a file (the app's router decides). Text
 * files are compressed once per build (brotli, else gzip, as the browser accepts) and kept in memory:
 * the slowest phone on the slowest line downloads a third of the bytes.
 */
export function staticFiles(root: string) {
  const cache = new Map<string, CachedFile>()

  async function encoded(file: string, mtimeMs: number, size: number): Promise<Encoded> {
    const known = cache.get(file)
    if (known && known.mtimeMs === mtimeMs && known.size === size) return known.body
    const body = readFile(file).then(async (identity) => {
      if (!compressible.has(extname(file)) || identity.length < 1024) return { identity }
      const [br, gz] = await Promise.all([
        compressBrotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
        compressGzip(identity, { level: 9 }),
      ])
      return { identity, br, gzip: gz }
    })
    cache.set(file, { mtimeMs, size, body })
    body.catch(() => cache.delete(file))
    return body
  }

  return async function serveStatic(urlPath: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    let decoded: string
    try {
      decoded = decodeURIComponent(urlPath)
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
      response.end('Malformed path.')
      return
    }
    const relative = normalize(decoded).replace(/^([/\\])+/, '')
    const candidate = join(root, relative)
    const inside = candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep)
    const found = inside ? await fileStats(candidate) : null
    const file = found ? candidate : join(root, 'index.html')
    const stats = found ?? (await fileStats(file))
    if (!stats) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      response.end('The H5 build is missing: run `npm run build:h5`.')
      return
    }
    const etag = `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`
    const headers: Record<string, string | number> = {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': hashedName.test(file) ? foreverCache : alwaysRevalidate,
      etag,
      vary: 'accept-encoding',
    }
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers)
      response.end()
      return
    }
    const body = await encoded(file, stats.mtimeMs, stats.size)
    const accepted = String(request.headers['accept-encoding'] ?? '')
    const [encoding, bytes] =
      body.br && /\bbr\b/.test(accepted) ? ['br', body.br] : body.gzip && /\bgzip\b/.test(accepted) ? ['gzip', body.gzip] : [null, body.identity]
    if (encoding) headers['content-encoding'] = encoding
    headers['content-length'] = bytes.length
    response.writeHead(200, headers)
    response.end(request.method === 'HEAD' ? undefined : bytes)
  }
}

async function fileStats(path: string): Promise<{ size: number; mtimeMs: number } | null> {
  try {
    const stats = await stat(path)
    return stats.isFile() ? stats : null
  } catch {
    return null
  }
}
