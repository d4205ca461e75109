import { failure, success, type Result } from '../../../types'
import { callerOpenId, startedByTimer } from './caller'
import { clock } from './clock'

/**
 * The entry of a timer-triggered function (the deploy manifest's `triggers`). A timer carries no
 * caller, so there is no actor and no input: only the time, from the clock port. Any deployed
 * function can also be called from the mini-program, over HTTP access or by another function, so
 * anything but the timer trigger itself (SCF's timer event, TRIGGER_SRC=timer, no WeChat user) is
 * refused before anything runs.
 */
export function createTimer<T>(name: string, run: (now: number) => Promise<T>) {
  return async function main(event: unknown, context: unknown): Promise<Result<T>> {
    const timerEvent = typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
    if (!timerEvent || !startedByTimer(context) || callerOpenId(context)) {
      console.warn(`[${name}] refused a call that did not come from its timer trigger`)
      return failure('FORBIDDEN', `${name} runs only from its timer trigger`)
    }
    try {
      return success(await run(clock().now()))
    } catch (error) {
      console.error(`[${name}]`, error)
      return failure('INTERNAL')
    }
  }
}
