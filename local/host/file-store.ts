import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { dayStamp } from '../../types/calendar'

/** A phone photo after Taro.chooseImage's compression is well under this; anything bigger is not a photo. */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024
const extensions: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' }
const types = Object.fromEntries(Object.entries(extensions).map(([type, ext]) => [ext, type]))
/** Only names this store made: the uploader's folder, the day, a random id. */
const STORED = /^requests\/[A-Za-z0-9_-]{1,64}\/\d{8}\/[0-9a-f-]{36}\.(jpg|png|webp|gif)$/
const OPENID = /^[A-Za-z0-9_-]{1,64}$/
/** CloudBase answers getTempFileURL's max_age in seconds; a URL lives a day unless asked otherwise. */
const DEFAULT_MAX_AGE_S = 86_400

export type DownloadEntry = { code: 'SUCCESS' | 'STORAGE_FILE_NONEXIST'; fileID: string; tempFileURL: string }

export type FileStoreOptions = {
  dir: string
  /** Signs the download URLs the functions hand out; only this store and the db server know it. */
  secret: string
  /** The env id a fileID names: the one the functions run in (SCF_NAMESPACE, local/db/sdk-env.ts). */
  envId: () => string
  /** The function host that serves the files, known once it listens (after the db server starts). */
  baseUrl: () => string
  now?: () => number
}

/**
 * The local stand-in for CloudBase file storage with the permission 仅创建者可读写 (private): the H5
 * build uploads a photo's bytes (signed in) into the caller's folder and gets a fileID shaped like
 * Taro.cloud.uploadFile's, `cloud://<env>.<bucket>/requests/<openid>/<day>/<uuid>.<ext>`. Nobody
 * reads a file by its fileID: a function asks for a temporary URL (getTempFileURL, answered by the
 * db server from `downloadUrls`), and the host serves a file only on a URL this store signed and
 * that has not expired.
 */
export function createFileStore(options: FileStoreOptions) {
  const now = options.now ?? Date.now
  const bucket = () => `${options.envId()}-1250000000`
  const prefix = () => `cloud://${options.envId()}.${bucket()}/`
  const sign = (path: string, expires: number) => createHmac('sha256', options.secret).update(`${path}\n${expires}`).digest('hex')

  /** The stored path a fileID of this environment names, or null (another environment, not ours). */
  function pathOf(fileId: string): string | null {
    if (!fileId.startsWith(prefix())) return null
    const path = fileId.slice(prefix().length)
    return STORED.test(path) ? path : null
  }

  const exists = (path: string) => stat(join(options.dir, path)).then((s) => s.isFile(), () => false)

  return {
    async upload(request: IncomingMessage, openid: string): Promise<{ status: number; body: unknown }> {
      if (!OPENID.test(openid)) return { status: 400, body: { ok: false, code: 'INVALID_INPUT', message: 'not an uploader this store can name' } }
      const ext = extensions[(request.headers['content-type'] ?? '').split(';')[0].trim()]
      if (!ext) return { status: 415, body: { ok: false, code: 'INVALID_INPUT', message: 'a photo: jpeg, png, webp or gif' } }
      const chunks: Buffer[] = []
      let size = 0
      // Read to the end even when too large: leaving early destroys the connection the answer goes out on.
      for await (const chunk of request) {
        size += (chunk as Buffer).length
        if (size <= MAX_PHOTO_BYTES) chunks.push(chunk as Buffer)
      }
      if (size > MAX_PHOTO_BYTES) return { status: 413, body: { ok: false, code: 'INVALID_INPUT', message: 'the photo is too large' } }
      if (size === 0) return { status: 400, body: { ok: false, code: 'INVALID_INPUT', message: 'no photo in the body' } }
      const folder = `requests/${openid}/${dayStamp(now())}`
      const name = `${folder}/${randomUUID()}.${ext}`
      await mkdir(join(options.dir, folder), { recursive: true })
      await writeFile(join(options.dir, name), Buffer.concat(chunks))
      return { status: 200, body: { fileID: `${prefix()}${name}` } }
    },

    /** getTempFileURL (storage.batchGetDownloadUrl): a signed URL per stored file, as CloudBase answers. */
    async downloadUrls(files: readonly { fileId: string; maxAgeSeconds?: number }[]): Promise<DownloadEntry[]> {
      return Promise.all(
        files.map(async ({ fileId, maxAgeSeconds }): Promise<DownloadEntry> => {
          const path = pathOf(fileId)
          if (path === null || !(await exists(path))) return { code: 'STORAGE_FILE_NONEXIST', fileID: fileId, tempFileURL: '' }
          const expires = now() + (maxAgeSeconds ?? DEFAULT_MAX_AGE_S) * 1000
          const url = `${options.baseUrl()}/storage/${path}?expires=${expires}&sign=${sign(path, expires)}`
          return { code: 'SUCCESS', fileID: fileId, tempFileURL: url }
        }),
      )
    },

    /** GET /storage/<path>?expires&sign: 403 unless signed here and unexpired, 404 for no such file. */
    async serve(path: string, query: URLSearchParams, response: ServerResponse): Promise<void> {
      const expires = Number(query.get('expires'))
      const given = Buffer.from(query.get('sign') ?? '', 'utf8')
      const expected = Buffer.from(STORED.test(path) && Number.isSafeInteger(expires) ? sign(path, expires) : '', 'utf8')
      const signed = expected.length > 0 && given.length === expected.length && timingSafeEqual(given, expected)
      if (!signed || expires <= now()) return refuse(response, 403, signed ? 'this link has expired' : 'not a link this storage signed')
      if (!(await exists(path))) return refuse(response, 404, 'no such photo')
      // Cached no longer than the link lives: an expired link must not keep showing the photo.
      const maxAge = Math.min(600, Math.floor((expires - now()) / 1000))
      response.writeHead(200, { 'content-type': types[path.split('.').pop()!], 'cache-control': `private, max-age=${maxAge}` })
      createReadStream(join(options.dir, path)).pipe(response)
    },
  }
}

export type FileStore = ReturnType<typeof createFileStore>

function refuse(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
  response.end(text)
}
