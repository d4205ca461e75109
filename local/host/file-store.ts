import { randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'

/** A phone photo after Taro.chooseImage's compression is well under this; anything bigger is not a photo. */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024
const extensions: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' }
const types = Object.fromEntries(Object.entries(extensions).map(([type, ext]) => [ext, type]))
/** Only names this store made: a random id, so a stored photo's URL is as hard to guess as a cloud:// one. */
const STORED = /^requests\/[0-9a-f-]{36}\.(jpg|png|webp|gif)$/

/**
 * The local stand-in for CloudBase file storage (Taro.cloud.uploadFile → cloud:// fileID): the H5
 * build uploads a photo's bytes and gets a `local://requests/…` fileID, which functions accept like a
 * cloud:// one (FileId in types/request.schema.ts); `GET /storage/requests/…` serves it back to <Image>.
 */
export function createFileStore(dir: string) {
  return {
    async upload(request: IncomingMessage): Promise<{ status: number; body: unknown }> {
      const ext = extensions[(request.headers['content-type'] ?? '').split(';')[0].trim()]
      if (!ext) return { status: 415, body: { ok: false, code: 'INVALID_INPUT', message: 'a photo: jpeg, png, webp or gif' } }
      const chunks: Buffer[] = []
      let size = 0
      for await (const chunk of request) {
        size += (chunk as Buffer).length
        if (size > MAX_PHOTO_BYTES) return { status: 413, body: { ok: false, code: 'INVALID_INPUT', message: 'the photo is too large' } }
        chunks.push(chunk as Buffer)
      }
      if (size === 0) return { status: 400, body: { ok: false, code: 'INVALID_INPUT', message: 'no photo in the body' } }
      const name = `requests/${randomUUID()}.${ext}`
      await mkdir(join(dir, 'requests'), { recursive: true })
      await writeFile(join(dir, name), Buffer.concat(chunks))
      return { status: 200, body: { fileID: `local://${name}` } }
    },

    async serve(name: string, response: ServerResponse): Promise<void> {
      const path = join(dir, name)
      if (!STORED.test(name) || !(await stat(path).then((s) => s.isFile(), () => false))) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        response.end('no such photo')
        return
      }
      response.writeHead(200, { 'content-type': types[name.split('.').pop()!], 'cache-control': 'private, max-age=86400' })
      createReadStream(path).pipe(response)
    },
  }
}
