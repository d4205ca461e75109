import { type FunctionName, type PushFunctionName, type TimerFunctionName } from '../types/contract'
import { noticeVariableSuffix } from '../cloudfunctions/shared/runtime/settings'
import { WishConfigOverrides } from '../cloudfunctions/shared/core/wish/wish-times'
import { RateLimitOverrides } from '../cloudfunctions/shared/core/rate-limits'
import type { NoticeKind as ContractNoticeKind } from '../types/notice.schema'

/**
 * How each deployable function runs on CloudBase: its runtime, limits, triggers and the variables it
 * gets. `npm run deploy` applies this (scripts/deploy); nothing else describes the functions.
 * Keyed by the contract's own name lists, so a function added there and not here fails to compile.
 */
export type DeployableFunctionName = FunctionName | TimerFunctionName | PushFunctionName

/** CloudBase timer triggers take a seven-field cron: second minute hour day month weekday year. */
export type TimerTrigger = { name: string; type: 'timer'; cron: string }

export type FunctionSpec = {
  runtime: 'Nodejs18.15'
  handler: 'index.main'
  /** Seconds. */
  timeout: number
  /** MB. */
  memorySize: number
  /** CloudBase installs package.json's dependencies (the bundle keeps the SDKs external). */
  installDependency: true
  triggers: TimerTrigger[]
  /** Values the same in every deployment, so they live here and not in `.env` (none today). */
  fixedVariables: Record<string, string>
  /** Taken from `.env` when set there; an unset one is not sent, and the function's default holds. */
  variables: readonly DeploymentVariable[]
}

/**
 * The kinds of notice a resident or a worker can subscribe to (types/notice.schema.ts), one
 * subscribe-message template each, by the variable suffix settings.ts reads for it.
 */
export const noticeKinds = Object.values(noticeVariableSuffix)
export type NoticeKind = (typeof noticeVariableSuffix)[ContractNoticeKind]

export type DeploymentVariable =
  | 'REQUEST_DEADLINES'
  | 'WISH_TIMES'
  | 'RATE_LIMITS'
  | 'MINIPROGRAM_STATE'
  | `SUBSCRIBE_TEMPLATE_${NoticeKind}`
  | `SUBSCRIBE_KEYS_${NoticeKind}`

/**
 * What each variable means, and the check a value must pass before anything is deployed: a bad value
 * stops the deploy here instead of failing a function's first call in production.
 */
type VariableRule = { meaning: string; check?: (value: string) => string | null }

const keywordList = /^[a-z_]+\d+(,[a-z_]+\d+)*$/

export const deploymentVariables: Record<DeploymentVariable, VariableRule> = {
  REQUEST_DEADLINES: {
    meaning: 'JSON over the default time limits per category (cloudfunctions/shared/core/request/deadlines.ts)',
    check: (value) => {
      try {
        JSON.parse(value)
        return null
      } catch {
        return 'is not JSON'
      }
    },
  },
  WISH_TIMES: {
    meaning: "JSON over 微心愿's default clocks (cloudfunctions/shared/core/wish/wish-times.ts): a claim's lock days per category, the days before an unclaimed wish widens",
    check: (value) => {
      try {
        const parsed = WishConfigOverrides.safeParse(JSON.parse(value))
        return parsed.success ? null : `is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
      } catch {
        return 'is not JSON'
      }
    },
  },
  RATE_LIMITS: {
    meaning: 'JSON over the default per-person limits (cloudfunctions/shared/core/rate-limits.ts): perHour and perDay per action',
    check: (value) => {
      try {
        const parsed = RateLimitOverrides.safeParse(JSON.parse(value))
        return parsed.success ? null : `is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
      } catch {
        return 'is not JSON'
      }
    },
  },
  MINIPROGRAM_STATE: {
    meaning: 'which version of the mini-program a subscribe message opens: developer, trial or formal (WeChat defaults to formal)',
    check: (value) => (['developer', 'trial', 'formal'].includes(value) ? null : 'must be developer, trial or formal'),
  },
  ...(Object.fromEntries(
    noticeKinds.flatMap((kind): Array<[string, VariableRule]> => [
      [`SUBSCRIBE_TEMPLATE_${kind}`, { meaning: `the subscribe-message template id for ${kind} notices` }],
      [
        `SUBSCRIBE_KEYS_${kind}`,
        {
          meaning: `that template's keyword names, in the order the ${kind} notice fills them`,
          check: (value) => (keywordList.test(value) ? null : 'must be keyword names separated by commas, e.g. thing1,thing2,time3'),
        },
      ],
    ]),
  ) as Record<`SUBSCRIBE_TEMPLATE_${NoticeKind}` | `SUBSCRIBE_KEYS_${NoticeKind}`, VariableRule>),
}

const noticeVariables: DeploymentVariable[] = [
  'MINIPROGRAM_STATE',
  ...noticeKinds.flatMap((kind) => [`SUBSCRIBE_TEMPLATE_${kind}`, `SUBSCRIBE_KEYS_${kind}`] as const),
]

const nodeFunction = {
  runtime: 'Nodejs18.15',
  handler: 'index.main',
  memorySize: 256,
  installDependency: true,
} as const

export const functionManifest: Record<DeployableFunctionName, FunctionSpec> = {
  directory: {
    ...nodeFunction,
    timeout: 10,
    triggers: [],
    fixedVariables: {},
    variables: ['REQUEST_DEADLINES', ...noticeVariables],
  },
  requests: {
    ...nodeFunction,
    timeout: 10,
    triggers: [],
    fixedVariables: {},
    variables: ['REQUEST_DEADLINES', 'RATE_LIMITS', ...noticeVariables],
  },
  // 微心愿: a post, a review, a claim each read a wish and write it once, as a request's actions do.
  // REQUEST_DEADLINES: a wish turned into a request is filed here, with the request's deadlines.
  wishes: {
    ...nodeFunction,
    timeout: 10,
    triggers: [],
    fixedVariables: {},
    variables: ['REQUEST_DEADLINES', 'WISH_TIMES', 'RATE_LIMITS', ...noticeVariables],
  },
  // 邻里议事厅: a vote is one conditional update; opening a topic over a large scope writes its
  // electorate's ballots (20 writes for 10,000 households), so more than the callers' usual 10 s.
  // REQUEST_DEADLINES: 每月一题 turned into proactive work files a request.
  council: {
    ...nodeFunction,
    timeout: 30,
    triggers: [],
    fixedVariables: {},
    variables: ['REQUEST_DEADLINES', 'RATE_LIMITS', ...noticeVariables],
  },
  // A run walks every request whose timer is due, so it gets a minute, not the callers' ten seconds.
  'requests-timer': {
    ...nodeFunction,
    timeout: 60,
    triggers: [{ name: 'deadlines', type: 'timer', cron: '0 */10 * * * * *' }],
    fixedVariables: {},
    variables: ['REQUEST_DEADLINES', ...noticeVariables],
  },
  // 微心愿's clocks: widening, the lapse reminder, lapses, the 7-day check, expiry. Like the deadlines
  // timer, a run walks every due wish (and may convert none: it files no request), so a minute.
  'wishes-timer': {
    ...nodeFunction,
    timeout: 60,
    triggers: [{ name: 'wishes', type: 'timer', cron: '0 */10 * * * * *' }],
    fixedVariables: {},
    variables: noticeVariables,
  },
  // Voting windows opening (an electorate's ballots written) and closing (a tally, the proof over every
  // ballot, the voters told): a minute, like the other timers.
  'council-timer': {
    ...nodeFunction,
    timeout: 60,
    triggers: [{ name: 'council', type: 'timer', cron: '0 */10 * * * * *' }],
    fixedVariables: {},
    variables: noticeVariables,
  },
  // WeChat's message pushes (the media check's verdicts): one document read and a write or two each.
  // The push route itself is set in the console (README: 消息推送), not by a trigger here.
  'wechat-events': {
    ...nodeFunction,
    timeout: 10,
    triggers: [],
    fixedVariables: {},
    variables: [],
  },
}
