import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { failure } from '../../types'
import { createDemoSessions } from './demo-session'
import type { FileStore } from './file-store'
import { invocationContext } from './invocation-context'
import { staticFiles } from './static-files'
import { answerSubscribePrompt, type SubscribeLedger } from './subscribe-prompt'

export type FunctionMain = (event: unknown, context: unknown) => Promise<unknown>
export type Persona = { openid: string; label: string; description: string; roles: string[] }

export type FunctionHostOptions = {
  functions: Record<string, FunctionMain>
  personas: Persona[]
  secret: string
  staticDir?: string
  /** The local file storage (private, signed download URLs: file-store.ts); without it there is none. */
  files?: FileStore
  port?: number
  host?: string
  /** The local WeChat, for the browser's stand-in subscribe prompt; without it there is none. */
  wechat?: SubscribeLedger
}

const MAX_BODY_BYTES = 1024 * 1024

/**
 * Runs the same function entries CloudBase would, one invocation per request, with the caller's
 * OPENID put into the invocation context from a demo sign-in token — never from the request body.
 */
export async function startFunctionHost(options: FunctionHostOptions): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const sessions = createDemoSessions(options.secret, new Set(options.personas.map((persona) => persona.openid)))
  const files = options.files ?? null
  const caller = (request: IncomingMessage) => {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
    return bearer ? sessions.verify(bearer) : null
  }
  const serveStatic = options.staticDir ? staticFiles(options.staticDir) : null
  const server = createServer((request, response) => {
    route(request, response).catch((error) => {
      console.error('[function-host]', error)
      if (!response.headersSent) send(response, 500, failure('INTERNAL'))
    })
  })

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = requestUrl(request)
    if (!url) return send(response, 400, failure('INVALID_INPUT', 'malformed URL'))
    const path = url.pathname
    if (request.method === 'GET' && path === '/auth/personas') return send(response, 200, options.personas)
    if (request.method === 'POST' && path === '/auth/sign-in') {
      const body = await readJson(request)
      const token = typeof body?.openid === 'string' ? sessions.issue(body.openid) : null
      return token ? send(response, 200, { token }) : send(response, 400, failure('INVALID_INPUT', 'not a demo persona'))
    }
    if (files && request.method === 'POST' && path === '/storage/upload') {
      // Signed in like a function call: a demo persona puts files into their own folder only.
      const uploader = caller(request)
      if (!uploader) return send(response, 401, failure('UNAUTHENTICATED'))
      const { status, body } = await files.upload(request, uploader)
      return send(response, status, body)
    }
    // Only on a URL the storage signed for a function (getTempFileURL), until it expires.
    if (files && request.method === 'GET' && path.startsWith('/storage/')) {
      return files.serve(path.slice('/storage/'.length), url.searchParams, response)
    }
    if (options.wechat && request.method === 'POST' && path === '/wechat/request-subscribe') {
      // The person tapping 允许 is the signed-in persona, as in WeChat it is the one holding the phone.
      const openid = caller(request)
      if (!openid) return send(response, 401, failure('UNAUTHENTICATED'))
      const { status, body } = answerSubscribePrompt(options.wechat, openid, await readJson(request))
      return send(response, status, body)
    }
    const fn = /^\/functions\/([\w-]+)$/.exec(path)?.[1]
    if (fn !== undefined && request.method === 'POST') {
      const main = Object.hasOwn(options.functions, fn) ? options.functions[fn] : undefined
      if (!main) return send(response, 404, failure('UNKNOWN_ACTION', `no function ${fn}`))
      const openid = caller(request)
      if (!openid) return send(response, 401, failure('UNAUTHENTICATED'))
      const event = await readJson(request)
      if (event === undefined) return send(response, 200, failure('INVALID_INPUT', 'the body is not JSON'))
      return send(response, 200, await main(event, invocationContext(fn, openid)))
    }
    if (serveStatic && (request.method === 'GET' || request.method === 'HEAD')) return serveStatic(path, request, response)
    send(response, 404, failure('NOT_FOUND'))
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** A path such as `//%5C` reads as a URL with a host of its own, and `new URL` throws on it. */
function requestUrl(request: IncomingMessage): URL | null {
  try {
    return new URL(`http://local${(request.url ?? '/').startsWith('/') ? '' : '/'}${request.url ?? '/'}`)
  } catch {
    return null
  }
}

/**
 * The body as a JSON object, or undefined. One over MAX_BODY_BYTES is still read to its end and
 * dropped: leaving the loop early destroys the request, and its connection with it, so the answer
 * never arrived and a browser's kept-alive connection hung (issue 10, finding 7).
 */
async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer)
  }
  if (size > MAX_BODY_BYTES) return undefined
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  response.end(JSON.stringify(body))
}
