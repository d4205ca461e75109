import { z } from 'zod'
import { Category } from '../../../types/category.schema'
import { deadlineConfig, type DeadlineConfig } from '../core/request/deadlines'

/**
 * Every setting a function takes from its environment (cloudbaserc.json `envVariables` on CloudBase;
 * unset locally, where the defaults are the local adapters). Read once and checked: a bad value fails
 * the first call loudly instead of misbehaving at 3 a.m.
 *
 * - JUCUN_CLOCK            system | controlled (tests move time forward; see clock.ts)
 * - CONTENT_SAFETY         wordlist | wechat (msgSecCheck v2)
 * - CONTENT_WORDLIST_FILE  extra words for the word list, one per line
 * - NOTIFY_CHANNEL         outbox | wechat (outbox plus subscribe messages to residents)
 * - SUBSCRIBE_TEMPLATE     JSON, required with NOTIFY_CHANNEL=wechat: { templateId, page, fields }
 * - REQUEST_DEADLINES      JSON over the defaults of deadlines.ts: { byCategory?, remindAtFraction? }
 */
const json = <S extends z.ZodType>(schema: S) =>
  z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON' })
      return z.NEVER
    }
  }).pipe(schema)

/**
 * The account's own subscribe-message template (订阅消息, chosen in the mini-program console) and
 * which of its keywords carry the title, the body and the time, e.g. { "title": "thing1", … }.
 */
export const SubscribeTemplate = z.object({
  templateId: z.string().min(1),
  /** The page a tap opens; `{requestId}` is replaced. */
  page: z.string().min(1),
  fields: z.object({ title: z.string().min(1), body: z.string().min(1), time: z.string().min(1) }),
})
export type SubscribeTemplate = z.infer<typeof SubscribeTemplate>

const Rule = z.object({ respondHours: z.number().positive(), resolveDays: z.number().positive() }).partial().strict()
const DeadlineOverrides = z
  .object({ byCategory: z.partialRecord(Category, Rule).optional(), remindAtFraction: z.number().optional() })
  .strict()

const Env = z
  .object({
    JUCUN_CLOCK: z.enum(['system', 'controlled']).default('system'),
    CONTENT_SAFETY: z.enum(['wordlist', 'wechat']).default('wordlist'),
    CONTENT_WORDLIST_FILE: z.string().min(1).optional(),
    NOTIFY_CHANNEL: z.enum(['outbox', 'wechat']).default('outbox'),
    SUBSCRIBE_TEMPLATE: json(SubscribeTemplate).optional(),
    REQUEST_DEADLINES: json(DeadlineOverrides).optional(),
  })
  .refine((env) => env.NOTIFY_CHANNEL !== 'wechat' || env.SUBSCRIBE_TEMPLATE, {
    message: 'NOTIFY_CHANNEL=wechat needs SUBSCRIBE_TEMPLATE',
  })

export type Settings = {
  clock: 'system' | 'controlled'
  contentSafety: 'wordlist' | 'wechat'
  wordlistFile: string | null
  notify: 'outbox' | 'wechat'
  subscribeTemplate: SubscribeTemplate | null
  deadlines: DeadlineConfig
}

let cached: Settings | undefined

export function settings(): Settings {
  cached ??= readSettings(process.env)
  return cached
}

export function readSettings(source: Record<string, string | undefined>): Settings {
  // An empty variable (a `{{env.X}}` left blank in cloudbaserc.json) counts as unset.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''))
  const parsed = Env.safeParse(present)
  if (!parsed.success) {
    throw new Error(`function settings: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`).join('; ')}`)
  }
  const env = parsed.data
  return {
    clock: env.JUCUN_CLOCK,
    contentSafety: env.CONTENT_SAFETY,
    wordlistFile: env.CONTENT_WORDLIST_FILE ?? null,
    notify: env.NOTIFY_CHANNEL,
    subscribeTemplate: env.SUBSCRIBE_TEMPLATE ?? null,
    deadlines: deadlineConfig(env.REQUEST_DEADLINES ?? {}),
  }
}
