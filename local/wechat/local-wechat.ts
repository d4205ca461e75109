import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { wordList, type WordList } from './word-list'

/**
 * The part of WeChat the functions meet through cloud calls, kept on this machine: msgSecCheck judged
 * by the local word list, subscribeMessage.send spending the one-time subscriptions a user accepted
 * (requestSubscribeMessage) and landing in an outbox, and mediaCheckAsync answering with a trace id
 * and, a moment later, the `wxa_media_check` message push. Answers and errcodes are WeChat's
 * (文本内容安全识别, 发送订阅消息, 音视频内容安全识别). Grants and the outbox are appended to files in
 * `dataDir`, so a restart keeps what was accepted and sent.
 */
export type SentSubscribeMessage = {
  at: number
  touser: string
  templateId: string
  page: string | null
  data: Record<string, string>
  miniprogramState: string
}

export type MediaCheckPush = {
  ToUserName: string
  FromUserName: string
  CreateTime: number
  MsgType: 'event'
  Event: 'wxa_media_check'
  appid: string
  trace_id: string
  version: 2
  detail: { strategy: string; errcode: number; suggest: string; label: number; prob: number }[]
  errcode: number
  errmsg: string
  result: { suggest: 'pass' | 'risky' | 'review'; label: number }
}

export type SubscribeAnswer = 'accept' | 'reject'

type WechatAnswer = { errcode: number; errmsg: string } & Record<string, unknown>

/** Bytes that make the local media check call an image risky, so the tests and the demo can try it. */
export const RISKY_IMAGE_MARKER = 'jucun:risky-image'
const APPID = 'wx-local-jucun'
const PUSH_SERVICE_USER = 'o-local-push-service'
const MEDIA_VERDICT_DELAY_MS = 50

const ok = (fields: Record<string, unknown> = {}): WechatAnswer => ({ errcode: 0, errmsg: 'ok', ...fields })
const fail = (errcode: number, errmsg: string): WechatAnswer => ({ errcode, errmsg })

export type LocalWechatOptions = {
  dataDir: string
  extraWords?: readonly string[]
  /** Reads an image by the URL a function gave mediaCheckAsync (the local storage's signed URL). */
  fetchMedia?: (url: string) => Promise<Buffer | null>
}

export function createLocalWechat(options: LocalWechatOptions) {
  mkdirSync(options.dataDir, { recursive: true })
  const words: WordList = wordList(options.extraWords)
  const grantsFile = join(options.dataDir, 'subscriptions.jsonl')
  const outboxFile = join(options.dataDir, 'outbox.jsonl')
  const grants = new Map<string, number>()
  const outbox: SentSubscribeMessage[] = []
  for (const line of readLines(grantsFile)) {
    const { key, delta } = JSON.parse(line) as { key: string; delta: number }
    grants.set(key, (grants.get(key) ?? 0) + delta)
  }
  for (const line of readLines(outboxFile)) outbox.push(JSON.parse(line) as SentSubscribeMessage)

  let pushReceiver: ((push: MediaCheckPush) => Promise<void>) | null = null
  const pendingPushes = new Set<Promise<void>>()

  const grantKey = (openid: string, templateId: string) => `${openid}~${templateId}`
  function changeGrant(openid: string, templateId: string, delta: number): void {
    const key = grantKey(openid, templateId)
    grants.set(key, (grants.get(key) ?? 0) + delta)
    appendFileSync(grantsFile, `${JSON.stringify({ key, delta })}\n`)
  }

  function msgSecCheck(fields: Record<string, unknown>): WechatAnswer {
    if (fields.version !== 2) return fail(47001, 'data format error: only version 2 is served here')
    if (typeof fields.openid !== 'string' || fields.openid === '') return fail(40003, 'invalid openid')
    if (![1, 2, 3, 4].includes(fields.scene as number)) return fail(47001, 'data format error: scene')
    if (typeof fields.content !== 'string') return fail(47001, 'data format error: content')
    if ([...fields.content].length > 2500) return fail(87014, 'content too long')
    const hit = words.match(fields.content)
    const verdict = hit ? { suggest: 'risky', label: hit.label } : { suggest: 'pass', label: 100 }
    return ok({
      result: verdict,
      detail: [{ strategy: 'keyword', errcode: 0, ...verdict, ...(hit && { keyword: hit.word, level: 90 }) }],
      trace_id: randomUUID(),
    })
  }

  function subscribeMessageSend(fields: Record<string, unknown>): WechatAnswer {
    const { touser, template_id: templateId, page, data, miniprogram_state: state = 'formal' } = fields
    if (typeof touser !== 'string' || touser === '') return fail(40003, 'invalid openid')
    if (typeof templateId !== 'string' || templateId === '') return fail(40037, 'invalid template_id')
    if (!['formal', 'trial', 'developer'].includes(state as string)) return fail(47003, 'argument invalid! miniprogram_state')
    if (typeof data !== 'object' || data === null) return fail(47003, 'argument invalid! data')
    const values: Record<string, string> = {}
    for (const [key, entry] of Object.entries(data)) {
      const value = (entry as { value?: unknown } | null)?.value
      const problem = keywordProblem(key, value)
      if (problem) return fail(47003, `argument invalid! data.${key}.value ${problem}`)
      values[key] = value as string
    }
    if ((grants.get(grantKey(touser, templateId)) ?? 0) <= 0) return fail(43101, 'user refuse to accept the msg')
    changeGrant(touser, templateId, -1)
    const sent: SentSubscribeMessage = {
      at: Date.now(),
      touser,
      templateId,
      page: typeof page === 'string' ? page : null,
      data: values,
      miniprogramState: state as string,
    }
    outbox.push(sent)
    appendFileSync(outboxFile, `${JSON.stringify(sent)}\n`)
    return ok({ msgid: outbox.length })
  }

  function mediaCheckAsync(fields: Record<string, unknown>): WechatAnswer {
    const { media_url: mediaUrl, media_type: mediaType, version, scene, openid } = fields
    if (version !== 2) return fail(47001, 'data format error: only version 2 is served here')
    if (typeof openid !== 'string' || openid === '') return fail(40003, 'invalid openid')
    if (typeof mediaUrl !== 'string' || !/^https?:\/\//.test(mediaUrl)) return fail(47001, 'data format error: media_url')
    if (mediaType !== 1 && mediaType !== 2) return fail(47001, 'data format error: media_type')
    if (![1, 2, 3, 4].includes(scene as number)) return fail(47001, 'data format error: scene')
    const traceId = randomUUID()
    const delivery = deliverVerdict(traceId, mediaUrl).finally(() => pendingPushes.delete(delivery))
    pendingPushes.add(delivery)
    return ok({ trace_id: traceId })
  }

  async function deliverVerdict(traceId: string, mediaUrl: string): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, MEDIA_VERDICT_DELAY_MS))
    const bytes = await options.fetchMedia?.(mediaUrl).catch(() => null)
    // WeChat answers errcode -1008 when it cannot download the media: a URL that expired or was never valid.
    const verdict = bytes === null || bytes === undefined
      ? { errcode: -1008, suggest: 'review' as const, label: 100 }
      : bytes.includes(RISKY_IMAGE_MARKER)
        ? { errcode: 0, suggest: 'risky' as const, label: 20002 }
        : { errcode: 0, suggest: 'pass' as const, label: 100 }
    const push: MediaCheckPush = {
      ToUserName: 'gh_local_jucun',
      // The platform's push service is the sender (音视频内容安全识别: FromUserName 平台推送服务UserName), not the uploader.
      FromUserName: PUSH_SERVICE_USER,
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: APPID,
      trace_id: traceId,
      version: 2,
      detail: [{ strategy: 'content_model', errcode: verdict.errcode, suggest: verdict.suggest, label: verdict.label, prob: 90 }],
      errcode: verdict.errcode,
      errmsg: verdict.errcode === 0 ? 'ok' : 'media download failed',
      result: { suggest: verdict.suggest, label: verdict.label },
    }
    try {
      await pushReceiver?.(push)
    } catch (error) {
      console.error('[local wechat] message push', error)
    }
  }

  const apis: Record<string, (fields: Record<string, unknown>) => WechatAnswer> = {
    'security.msgSecCheck': msgSecCheck,
    'subscribeMessage.send': subscribeMessageSend,
    'security.mediaCheckAsync': mediaCheckAsync,
  }

  return {
    /** One open-API call, answered as WeChat answers it; an API not served here is errcode 48001 (api unauthorized). */
    call(apiName: string, fields: Record<string, unknown>): WechatAnswer {
      const api = Object.hasOwn(apis, apiName) ? apis[apiName] : undefined
      return api ? api(fields) : fail(48001, `api unauthorized: ${apiName} is not served by the local WeChat`)
    },
    /** What wx.requestSubscribeMessage does on the device when the user taps 允许: one grant per accepted template. */
    requestSubscribeMessage(openid: string, answers: Record<string, SubscribeAnswer>): void {
      for (const [templateId, answer] of Object.entries(answers)) if (answer === 'accept') changeGrant(openid, templateId, 1)
    },
    remaining(openid: string, templateId: string): number {
      return grants.get(grantKey(openid, templateId)) ?? 0
    },
    outbox(): readonly SentSubscribeMessage[] {
      return outbox
    },
    /** Where message pushes go: the function CloudBase routes `wxa_media_check` to (云开发 → 消息推送). */
    routePushesTo(receiver: (push: MediaCheckPush) => Promise<void>): void {
      pushReceiver = receiver
    },
    /** Every verdict push already promised, delivered. */
    async deliverPendingPushes(): Promise<void> {
      while (pendingPushes.size > 0) await Promise.all([...pendingPushes])
    },
  }
}

export type LocalWechat = ReturnType<typeof createLocalWechat>

/** 订阅消息 keyword rules by type prefix (thing ≤ 20 characters, phrase ≤ 5, time a date, …). */
function keywordProblem(key: string, value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return 'is empty'
  const length = [...value].length
  const type = /^[a-z_]+/.exec(key)?.[0] ?? ''
  switch (type) {
    case 'thing':
      return length <= 20 ? null : `is longer than 20 characters`
    case 'phrase':
      return length <= 5 && /^[\p{Script=Han}]+$/u.test(value) ? null : 'must be at most 5 Chinese characters'
    case 'time':
    case 'date':
      return /^\d{4}(年|-)\d{2}(月|-)\d{2}/.test(value) ? null : 'is not a date'
    case 'number':
    case 'character_string':
      return length <= 32 ? null : 'is longer than 32 characters'
    case 'name':
      return length <= 10 ? null : 'is longer than 10 characters'
    default:
      return length <= 20 ? null : 'is longer than 20 characters'
  }
}

function readLines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '') : []
}
