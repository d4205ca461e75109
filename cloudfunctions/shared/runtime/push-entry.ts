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
 * by another function, so a call carrying a WeChat user (WX_OPENID) or started by a timer is refused
 * before anything runs, and so is any event it has no handler for or that lacks the handler's shape.
 */
export function createPushReceiver(name: string, handlers: Record<string, PushHandler>) {
  return async function main(event: unknown, context: unknown): Promise<Result<unknown>> {
    if (callerOpenId(context) || startedByTimer(context)) {
      console.warn(`[${name}] refused a call that was not a WeChat message push`)
      return failure('FORBIDDEN', `${name} takes WeChat's message pushes only`)
    }
    const { MsgType: type, Event: kind } = (typeof event === 'object' && event !== null ? event : {}) as { MsgType?: unknown; Event?: unknown }
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
