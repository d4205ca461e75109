import { z } from 'zod'
import { Category } from '../../../types/category.schema'
import { noticeKinds, type NoticeKind } from '../../../types/notice.schema'
import { deadlineConfig, type DeadlineConfig } from '../core/request/deadlines'
import { wishConfig, WishConfigOverrides, type WishConfig } from '../core/wish/wish-times'
import { RateLimitOverrides, rateLimitsConfig, type RateLimits } from '../core/rate-limits'
import type { MiniprogramState } from './wechat'

/**
 * Every setting a function takes from its environment (the deploy manifest's variables on CloudBase,
 * from `.env`; unset locally). Read once and checked: a bad value fails the first call loudly instead
 * of misbehaving at 3 a.m. Cloud calls (content safety, subscribe messages, media checks) have no
 * setting: they always go through wx-server-sdk, which the local CloudBase answers too.
 *
 * - JUCUN_CLOCK                system | controlled (tests move time forward; see clock.ts)
 * - REQUEST_DEADLINES          JSON over the defaults of deadlines.ts: { byCategory?, remindAtFraction? }
 * - WISH_TIMES                 JSON over the defaults of core/wish/wish-times.ts: { lockDays?: { <category>: days }, widenAfterDays? }
 * - RATE_LIMITS                JSON over the defaults of core/rate-limits.ts: { <action>?: { perHour?, perDay? } }
 * - MINIPROGRAM_STATE          developer | trial | formal: the build a subscribe message opens
 * - SUBSCRIBE_TEMPLATE_<KIND>  the subscribe-message template id for one kind of notice (noticeKinds)
 * - SUBSCRIBE_KEYS_<KIND>      that template's keywords for what, detail and time (default thing1,thing2,time3)
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

/** A template's keyword names: one for what the notice is about, one for the detail, one for the time. */
const TemplateKeys = z
  .string()
  .regex(/^[a-z_]+\d+,[a-z_]+\d+,[a-z_]+\d+$/, 'three keyword names, e.g. thing1,thing2,time3')
  .transform((text) => {
    const [subject, detail, time] = text.split(',')
    return { subject, detail, time }
  })
export type TemplateKeys = z.output<typeof TemplateKeys>
const DEFAULT_KEYS: TemplateKeys = { subject: 'thing1', detail: 'thing2', time: 'time3' }

/** The template chosen in the mini-program console for one kind of notice. */
export type NoticeTemplate = { kind: NoticeKind; templateId: string; keys: TemplateKeys }

const Rule = z.object({ respondHours: z.number().positive(), resolveDays: z.number().positive() }).partial().strict()
const DeadlineOverrides = z
  .object({ byCategory: z.partialRecord(Category, Rule).optional(), remindAtFraction: z.number().optional() })
  .strict()

/** Each kind's suffix in its variables' names; the deploy manifest (config/functions.manifest.ts) sends the same. */
export const noticeVariableSuffix = {
  accepted: 'ACCEPTED',
  progress: 'PROGRESS',
  replied: 'REPLIED',
  newWork: 'NEW_WORK',
  alert: 'ALERT',
  review: 'REVIEW',
} as const satisfies Record<NoticeKind, string>

const Env = z.object({
  JUCUN_CLOCK: z.enum(['system', 'controlled']).default('system'),
  REQUEST_DEADLINES: json(DeadlineOverrides).optional(),
  WISH_TIMES: json(WishConfigOverrides).optional(),
  RATE_LIMITS: json(RateLimitOverrides).optional(),
  MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).optional(),
})
const TemplateEnv = z.object(
  Object.fromEntries(
    noticeKinds.flatMap((kind) => [
      [templateVariable(kind), z.string().min(1).max(128).optional()],
      [keysVariable(kind), TemplateKeys.optional()],
    ]),
  ),
)

export type Settings = {
  clock: 'system' | 'controlled'
  deadlines: DeadlineConfig
  /** 微心愿's clocks: a claim's lock per category, and when an unclaimed wish widens to the 大党委. */
  wishes: WishConfig
  /** How often one person may file, post, comment, propose, co-sign, change a vote, keep photos. */
  rateLimits: RateLimits
  miniprogramState: MiniprogramState | null
  /** Only the kinds a template was chosen for: a notice of any other kind stays on the 消息 page. */
  templates: Partial<Record<NoticeKind, NoticeTemplate>>
}

let cached: Settings | undefined

export function settings(): Settings {
  cached ??= readSettings(process.env)
  return cached
}

export function readSettings(source: Record<string, string | undefined>): Settings {
  // An empty variable (a line `X=` left blank in `.env`) counts as unset.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''))
  const parsed = Env.safeParse(present)
  const templateVars = TemplateEnv.safeParse(present)
  const issues = [...(parsed.error?.issues ?? []), ...(templateVars.error?.issues ?? [])]
  if (!parsed.success || !templateVars.success) {
    throw new Error(`function settings: ${issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`).join('; ')}`)
  }
  const env = { ...templateVars.data, ...parsed.data } as z.output<typeof Env> & Record<string, unknown>
  const templates: Partial<Record<NoticeKind, NoticeTemplate>> = {}
  for (const kind of noticeKinds) {
    const templateId = env[templateVariable(kind)] as string | undefined
    if (templateId) templates[kind] = { kind, templateId, keys: (env[keysVariable(kind)] as TemplateKeys | undefined) ?? DEFAULT_KEYS }
  }
  return {
    clock: env.JUCUN_CLOCK,
    deadlines: deadlineConfig(env.REQUEST_DEADLINES ?? {}),
    wishes: wishConfig(env.WISH_TIMES ?? {}),
    rateLimits: rateLimitsConfig(env.RATE_LIMITS ?? {}),
    miniprogramState: env.MINIPROGRAM_STATE ?? null,
    templates,
  }
}

/** The variable naming one kind's template: SUBSCRIBE_TEMPLATE_NEW_WORK for newWork. */
export function templateVariable(kind: NoticeKind): string {
  return `SUBSCRIBE_TEMPLATE_${noticeVariableSuffix[kind]}`
}

function keysVariable(kind: NoticeKind): string {
  return `SUBSCRIBE_KEYS_${noticeVariableSuffix[kind]}`
}
