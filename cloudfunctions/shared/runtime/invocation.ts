import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Reads an action is sure to make, started beside the caller's record (function-entry's `preload`)
 * so that both cost one round trip instead of two. Each read belongs to one invocation (a warm
 * instance serves many callers, one after another or interleaved) and is handed out once: a use case
 * that reads again, as a retry after a lost race must, reads fresh.
 */
const invocation = new AsyncLocalStorage<Map<string, Promise<unknown>>>()

export function withinInvocation<T>(run: () => Promise<T>): Promise<T> {
  return invocation.run(new Map(), run)
}

/** Starts `read` now, for the first `takePreloaded(key)` of this invocation. Outside one, nothing. */
export function preload(key: string, read: () => Promise<unknown>): void {
  const reads = invocation.getStore()
  if (!reads || reads.has(key)) return
  const started = read()
  // A refusal may come first and leave it untaken: its failure is not this invocation's failure.
  started.catch(() => undefined)
  reads.set(key, started)
}

/** The read `preload` started under this key, once; undefined when none was (the caller reads itself). */
export function takePreloaded<T>(key: string): Promise<T> | undefined {
  const reads = invocation.getStore()
  const started = reads?.get(key)
  if (started) reads!.delete(key)
  return started as Promise<T> | undefined
}
