import type { FunctionMain } from './function-host'
import { timerInvocationContext } from './invocation-context'

/**
 * Runs the timer-triggered functions on a schedule, as CloudBase's timer trigger would: an event
 * shaped like a trigger's and a context with no caller that says a timer started it. One run of a function at a time; a slow run
 * skips the next beat instead of piling up.
 */
export function startTimerRunner(options: { mains: Record<string, FunctionMain>; intervalMs: number }): { stop(): Promise<void> } {
  const running = new Map<string, Promise<void>>()
  const fire = (name: string, main: FunctionMain) => {
    if (running.has(name)) return
    const event = { Type: 'Timer', TriggerName: 'deadlines', Time: new Date().toISOString(), Message: '' }
    const run = main(event, timerInvocationContext(name))
      .then((result) => {
        const outcome = result as { ok?: boolean }
        if (outcome.ok === false) console.error(`[timer ${name}]`, result)
      })
      .catch((error: unknown) => console.error(`[timer ${name}]`, error))
      .finally(() => running.delete(name))
    running.set(name, run)
  }
  const handle = setInterval(() => {
    for (const [name, main] of Object.entries(options.mains)) fire(name, main)
  }, options.intervalMs)
  handle.unref()
  return {
    async stop() {
      clearInterval(handle)
      await Promise.all(running.values())
    },
  }
}
