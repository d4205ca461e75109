import { failure, success, type Result } from '../../../types'
import { callerOpenId } from './caller'
import { clock } from './clock'

/**
 * The entry of a timer-triggered function (cloudbaserc.json `triggers`). A timer carries no caller, so
 * there is no actor and no input: only the time, from the clock port. Any function can also be called
 * from the mini-program, so a call that carries a WeChat user is refused.
 */
export function createTimer<T>(name: string, run: (now: number) => Promise<T>) {
  return async function main(_event: unknown, context: unknown): Promise<Result<T>> {
    if (callerOpenId(context)) return failure('FORBIDDEN', `${name} runs on its timer only`)
    try {
      return success(await run(clock().now()))
    } catch (error) {
      console.error(`[${name}]`, error)
      return failure('INTERNAL')
    }
  }
}
