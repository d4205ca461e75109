import type { z } from 'zod'
import { failure, success, type Result } from '../../../types'
import { callerOpenId, startedByTimer } from './caller'
import { clock } from './clock'

/** One kind of pushed event: the shape it must have, and what recording it does. */
export type PushHandler<S extends z.ZodType = z.ZodType, T = unknown> = { push: S; record: (push: z.output<S>, now: number) => Promise<T> }

/**
 * The entry of a function that WeChat's message push starts (云开发 → 消息推送, push mode 云函数: the
 * event is the pushed message as JSON, keyed by `MsgType` and `Event`). It has no actions and no
 * caller. Like any deployed function it can also be called from the mini-program, by HTTP access or
 * by another function. WeChat's documentation does not say whether a push's invocation context names
 * the user the push is about (its customer-service pushes do, as the sender); so a context naming a
 * user is accepted only when that user is the push's FromUserName, and refused otherwise, as is a
 * timer start and any event without a handler or the handler's shape. What actually keeps a forged
 * push from doing anything is the handler's own check: a verdict applies only to a trace id WeChat
 * gave us and no client ever sees.
 */
export function createPushReceiver(name: string, handlers: Record<string, PushHandler>) {
  return async function main(event: unknown, context: unknown): Promise<Result<unknown>> {
    const { MsgType: type, Event: kind, FromUserName: about } = (typeof event === 'object' && event !== null ? event : {}) as {
      MsgType?: unknown
      Event?: unknown
      FromUserName?: unknown
    }
    const caller = callerOpenId(context)
    if ((caller !== undefined && caller !== about) || startedByTimer(context)) {
      console.warn(`[${name}] refused a call that was not a WeChat message push`)
      return failure('FORBIDDEN', `${name} takes WeChat's message pushes only`)
    }
    const handler = type === 'event' && typeof kind === 'string' && Object.hasOwn(handlers, kind) ? handlers[kind] : undefined
    if (!handler) {
      console.warn(`[${name}] refused a push it does not know: ${JSON.stringify({ MsgType: type, Event: kind })}`)
      return failure('UNKNOWN_ACTION', `${name} takes no push ${JSON.stringify(kind ?? type ?? null)}`)
    }
    const parsed = handler.push.safeParse(event)
    if (!parsed.success) {
      console.warn(`[${name}] refused a malformed ${kind} push`)
      return failure('INVALID_INPUT', `not a ${kind} push: ${parsed.error.issues.map((i) => i.path.join('.') || '(event)').join(', ')}`)
    }
    try {
      return success(await handler.record(parsed.data, clock().now()))
    } catch (error) {
      console.error(`[${name}.${kind}]`, error)
      return failure('INTERNAL')
    }
  }
}
