import type { z } from 'zod'
import {
  failure,
  type contract,
  type ActionName,
  type ActionOutput,
  type FunctionName,
  type Result,
} from '../../../types'
import type { Actor } from '../core/actor'
import { loadActor } from './actor-store'
import { callerOpenId } from './caller'
import { clock } from './clock'
import { refuseUnsafeText, type ScreenedText } from './content-safety'
import { withinInvocation } from './invocation'

export type UseCaseContext = { actor: Actor; now: number }

type InputSchemaOf<F extends FunctionName, A extends ActionName<F>> = (typeof contract)[F][A] extends {
  input: infer S extends z.ZodType
}
  ? S
  : never

export type ActionHandler<F extends FunctionName, A extends ActionName<F>> = (
  input: z.output<InputSchemaOf<F, A>>,
  context: UseCaseContext,
) => Promise<Result<ActionOutput<F, A>>>

/** One handler per action of the contract: a missing or extra action is a compile error. */
export type FunctionHandlers<F extends FunctionName> = { [A in ActionName<F>]: ActionHandler<F, A> }

/**
 * Per action, the texts of its input that someone else will read (a note, a reply, a name), checked
 * by content safety before the use case runs. An action that takes such a text and is missing here
 * lets it through unchecked: the requests and directory tests try a listed word in each.
 */
export type ScreenedTexts<F extends FunctionName> = {
  [A in ActionName<F>]?: (input: z.output<InputSchemaOf<F, A>>) => ScreenedText[]
}

/**
 * Per action, the reads it will make whatever the caller turns out to be (the item it names, or what
 * is keyed by the caller's openid: their own binding requests, an item whose id follows from their
 * idempotency key), started with runtime/invocation.ts `preload` beside the caller's record: one round
 * trip, not two. A read for a caller who is then refused is wasted; nothing of it is answered before
 * the rights check.
 */
export type Preloads<F extends FunctionName> = {
  [A in ActionName<F>]?: (input: z.output<InputSchemaOf<F, A>>, caller: PreloadCaller) => void
}
/** Who calls, as known before their record is read: the OPENID (the actor's userId) and the invocation's clock. */
export type PreloadCaller = { openid: string; now: number }

export type FunctionOptions<F extends FunctionName> = { screened?: ScreenedTexts<F>; preloads?: Preloads<F> }

type ActionSpec = { input: z.ZodType; output: z.ZodType }

/**
 * The thin transport every function shares: parse the event, find the caller in the invocation
 * context (WX_OPENID, set by CloudBase or the local function host — never the request body), check
 * the texts others will read, run the use case, and answer `{ ok, data } | { ok: false, code, message }`. Nothing thrown escapes as a
 * success.
 */
export function createFunction<F extends FunctionName>(
  name: F,
  // Its own actions (contract[name]), not the whole contract: its bundle builds only its own schemas (npm run bench:cold).
  ownActions: (typeof contract)[F],
  handlers: FunctionHandlers<F>,
  { screened = {}, preloads = {} }: FunctionOptions<F> = {},
) {
  const actions = ownActions as unknown as Record<string, ActionSpec>
  return (event: unknown, context: unknown): Promise<Result<unknown>> => withinInvocation(() => run(event, context))

  async function run(event: unknown, context: unknown): Promise<Result<unknown>> {
    const action = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : undefined
    if (typeof action !== 'string' || !Object.hasOwn(actions, action)) {
      return failure('UNKNOWN_ACTION', `${name} has no action ${JSON.stringify(action)}`)
    }
    // An action without input may omit it; an explicit null is malformed like any other non-object.
    const { input = {} } = event as { input?: unknown }
    const parsed = actions[action].input.safeParse(input)
    if (!parsed.success) return failure('INVALID_INPUT', describeIssues(parsed.error))
    const openid = callerOpenId(context)
    if (!openid) return failure('UNAUTHENTICATED')
    try {
      const texts = (screened as Record<string, ((input: unknown) => ScreenedText[]) | undefined>)[action]?.(parsed.data) ?? []
      const preload = (preloads as Record<string, ((input: unknown, caller: PreloadCaller) => void) | undefined>)[action]
      const now = clock().now()
      preload?.(parsed.data, { openid, now })
      // Independent: the check of the texts and the caller's record go out together (one round trip).
      const [unsafe, actor] = await Promise.all([refuseUnsafeText(texts, { openid }), loadActor(openid, now)])
      if (unsafe) return unsafe
      const handler = handlers[action as ActionName<F>] as (input: unknown, ctx: UseCaseContext) => Promise<Result<unknown>>
      return await handler(parsed.data, { actor, now })
    } catch (error) {
      console.error(`[${name}.${action}]`, error)
      return failure('INTERNAL')
    }
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`)
    .join('; ')
}
