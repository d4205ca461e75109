import tcb from '@cloudbase/node-sdk'
import { failure, success, type Result } from '../../../types'
import { clock } from './clock'

/**
 * The entry of a timer-triggered function (cloudbaserc.json `triggers`). A timer carries no caller, so
 * there is no actor and no input: only the time, from the clock port. Any function can also be called
 * from the mini-program, so a call that carries a WeChat user is refused.
 */
export function createTimer<T>(name: string, run: (now: number) => Promise<T>) {
  return async function main(_event: unknown, context: unknown): Promise<Result<T>> {
    if (hasCaller(context)) return failure('FORBIDDEN', `${name} runs on its timer only`)
    try {
      return success(await run(clock().now()))
    } catch (error) {
      console.error(`[${name}]`, error)
      return failure('INTERNAL')
    }
  }
}

function hasCaller(context: unknown): boolean {
  if (typeof context !== 'object' || context === null) return false
  try {
    const openid = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]).WX_OPENID
    return typeof openid === 'string' && openid.length > 0
  } catch {
    return false
  }
}
