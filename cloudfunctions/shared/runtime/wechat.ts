import { z } from 'zod'

/**
 * WeChat's open-API cloud calls (云调用), through `wx-server-sdk`'s `cloud.openapi.*`: the only road
 * WeChat documents for them (云开发 → 云调用). Each call's dotted name is also what the function's
 * config.json `permissions.openapi` must list; config/functions.build.ts finds the names in the
 * bundle, so a call written here is a permission declared there.
 *
 * The database stays on @cloudbase/node-sdk. Locally the same calls reach the local CloudBase, which
 * answers them as WeChat would (local/wechat), because wx-server-sdk sends them to the endpoint the
 * environment names (TCB_CONTEXT_CNFG), like the node SDK.
 */
type OpenApi = {
  security: {
    msgSecCheck(request: object): Promise<unknown>
    mediaCheckAsync(request: object): Promise<unknown>
  }
  subscribeMessage: { send(request: object): Promise<unknown> }
}

let openapi: OpenApi | undefined

// Loaded on first use: wx-server-sdk is a third of a bundle's load time, and most actions make no cloud call.
function cloud(): OpenApi {
  if (!openapi) {
    const sdk = require('wx-server-sdk') as typeof import('wx-server-sdk')
    // DYNAMIC_CURRENT_ENV: the env the function runs in (typed as a symbol, which init's type omits).
    sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string })
    openapi = sdk.openapi as OpenApi
  }
  return openapi
}

/** A cloud call WeChat refused; `errCode` is WeChat's (or wx-server-sdk's own, negative) number. */
export class CloudCallError extends Error {
  constructor(
    readonly api: string,
    readonly errCode: number,
    message: string,
  ) {
    super(`${api}: ${errCode} ${message}`)
  }
}

async function call<S extends z.ZodType>(api: string, run: () => Promise<unknown>, answer: S): Promise<z.output<S>> {
  let raw: unknown
  try {
    raw = await run()
  } catch (error) {
    // wx-server-sdk throws CloudSDKError with a numeric errCode (not `code`) for WeChat's errcode too.
    const { errCode, errMsg } = (error ?? {}) as { errCode?: unknown; errMsg?: unknown }
    if (typeof errCode === 'number') throw new CloudCallError(api, errCode, String(errMsg ?? ''))
    throw error
  }
  const parsed = answer.safeParse(raw)
  if (!parsed.success) throw new CloudCallError(api, -1, `unexpected answer ${JSON.stringify(raw).slice(0, 200)}`)
  return parsed.data
}

/**
 * msgSecCheck v2 scenes (security.msgSecCheck): 1 资料 (names), 2 评论 (notes, replies, comments),
 * 3 论坛 (a post others read: a request, a wish, a topic), 4 社交日志.
 */
export const TextScene = { profile: 1, comment: 2, forum: 3 } as const
export type TextScene = keyof typeof TextScene

const SecCheckAnswer = z.object({
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.coerce.number() }),
  /** Per strategy; the keyword strategy names the word it matched, which is what a reviewer needs. */
  detail: z.array(z.object({ keyword: z.string().optional() }).loose()).optional(),
  traceId: z.string().optional(),
})
export type SecCheckAnswer = z.output<typeof SecCheckAnswer>['result'] & { keywords: string[] }

/** v2 needs the openid of a user who used the mini-program in the last 2 hours: the caller's. */
export function msgSecCheck(request: { content: string; openid: string; scene: TextScene }): Promise<SecCheckAnswer> {
  return call(
    'security.msgSecCheck',
    () => cloud().security.msgSecCheck({ content: request.content, version: 2, scene: TextScene[request.scene], openid: request.openid }),
    SecCheckAnswer,
  ).then((answer) => ({
    ...answer.result,
    keywords: (answer.detail ?? []).flatMap((entry) => (entry.keyword ? [entry.keyword] : [])),
  }))
}

/**
 * mediaCheckAsync v2 (security.mediaCheckAsync): the verdict arrives later as a `wxa_media_check`
 * message push carrying this trace id. mediaType 2 = image. The URL must stay downloadable for a
 * while (errcode -1008 otherwise), so callers pass a long-lived temporary URL.
 */
export function mediaCheckAsync(request: { mediaUrl: string; openid: string; scene: TextScene }): Promise<{ traceId: string }> {
  return call(
    'security.mediaCheckAsync',
    () =>
      cloud().security.mediaCheckAsync({
        mediaUrl: request.mediaUrl,
        mediaType: 2,
        version: 2,
        scene: TextScene[request.scene],
        openid: request.openid,
      }),
    z.object({ traceId: z.string().min(1) }),
  )
}

/** formal | trial | developer: which build a tap on the message opens (subscribeMessage.send). */
export type MiniprogramState = 'formal' | 'trial' | 'developer'

/** subscribeMessage.send: spends one of the recipient's accepted one-time subscriptions to the template. */
export function sendSubscribeMessage(request: {
  touser: string
  templateId: string
  page: string
  data: Record<string, string>
  miniprogramState?: MiniprogramState
}): Promise<void> {
  const data = Object.fromEntries(Object.entries(request.data).map(([key, value]) => [key, { value }]))
  return call(
    'subscribeMessage.send',
    () =>
      cloud().subscribeMessage.send({
        touser: request.touser,
        templateId: request.templateId,
        page: request.page,
        data,
        lang: 'zh_CN',
        ...(request.miniprogramState && { miniprogramState: request.miniprogramState }),
      }),
    z.unknown(),
  ).then(() => undefined)
}

/** subscribeMessage.send errcodes that mean "no subscription to spend", not a fault (订阅消息 docs). */
export const NO_SUBSCRIPTION = 43101
