// Timers of at most a frame are the app reacting right now: React's scheduler (which in WeChat, as
// here, has neither setImmediate nor MessageChannel and falls back to setTimeout(…, 0)) and Taro's
// batched setData. Longer ones (a toast's duration, useNow's minute) are the app waiting.
const FRAME_MS = 16
const LIMIT_MS = 3_000

const host = { setTimeout: globalThis.setTimeout.bind(globalThis), clearTimeout: globalThis.clearTimeout.bind(globalThis) }
const reacting = new Set<unknown>()

/** The harness's own waits, which must not count as the app's work. */
export const hostDelay = (ms: number) => new Promise<void>((resolve) => host.setTimeout(resolve, ms))

/**
 * Tracks the app's immediate timers. React's scheduler and Taro keep their own reference to
 * setTimeout from when their module ran, so this goes in before app.js loads.
 */
export function trackAppTimers(): void {
  const g = globalThis as unknown as { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout }
  g.setTimeout = ((run: (...args: unknown[]) => void, ms = 0, ...args: unknown[]) => {
    if (ms > FRAME_MS) return host.setTimeout(run, ms, ...args)
    const id = host.setTimeout(() => {
      reacting.delete(id)
      run(...args)
    }, ms)
    reacting.add(id)
    return id
  }) as typeof setTimeout
  g.clearTimeout = ((id: Parameters<typeof clearTimeout>[0]) => {
    reacting.delete(id)
    host.clearTimeout(id)
  }) as typeof clearTimeout
}

/**
 * Resolves once the app has finished reacting to the last gesture: its renders committed and
 * Taro's setData applied. A person's next tap lands on the updated screen, never on a handler
 * React has already replaced; the harness's gestures wait for the same.
 */
export async function settled(): Promise<void> {
  const deadline = Date.now() + LIMIT_MS
  do {
    if (Date.now() > deadline) throw new Error(`the app kept scheduling work for ${LIMIT_MS} ms without settling`)
    await hostDelay(0)
  } while (reacting.size > 0)
}
