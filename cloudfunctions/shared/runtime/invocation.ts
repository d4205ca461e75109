import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Reads an action is sure to make, started beside the caller's record (function-entry's `preload`)
 * so that both cost one round trip instead of two. Each read belongs to one invocation (a warm
 * instance serves many callers, one after another or interleaved) and is handed out once: a use case
 * that reads again, as a retry after a lost race must, reads fresh.
 *
 * A few are writes ahead (an allowance spent, a claim slot taken) with their way back: one the
 * invocation ends without taking — the entry refused the call (a blocked word, a failed read of the
 * caller) before the use case ran — is undone then, so a refusal keeps nothing. One taken is the use
 * case's, which gives it back on its own refusals.
 */
type Started = { read: Promise<unknown>; undo?: (value: unknown) => Promise<void> }
const invocation = new AsyncLocalStorage<Map<string, Started>>()

export async function withinInvocation<T>(run: () => Promise<T>): Promise<T> {
  const started = new Map<string, Started>()
  try {
    return await invocation.run(started, run)
  } finally {
    await Promise.all([...started.values()].map(undoUntaken))
  }
}

async function undoUntaken({ read, undo }: Started): Promise<void> {
  if (!undo) return
  try {
    await undo(await read)
  } catch (error) {
    console.error('[invocation] a write ahead that no use case took could not be undone', error)
  }
}

/**
 * Starts `read` now, for the first `takePreloaded(key)` of this invocation; `undo`, for a write ahead,
 * runs if none takes it. A later preload of the same key (a retry's fresh read) replaces an untaken
 * read, never an untaken write ahead. Outside an invocation, nothing.
 */
export function preload<T>(key: string, read: () => Promise<T>, undo?: (value: T) => Promise<void>): void {
  const reads = invocation.getStore()
  if (!reads || reads.get(key)?.undo) return
  const started = read()
  // A refusal may come first and leave it untaken: its failure is not this invocation's failure.
  started.catch(() => undefined)
  reads.set(key, { read: started, undo: undo as Started['undo'] })
}

/** What `preload` started under this key, once; undefined when nothing was (the caller reads itself). */
export function takePreloaded<T>(key: string): Promise<T> | undefined {
  const reads = invocation.getStore()
  const started = reads?.get(key)
  if (started) reads!.delete(key)
  return started?.read as Promise<T> | undefined
}

/**
 * A read by one id that an action may start beside the caller's record (`start`, from its preload)
 * and its use case then makes (`read`: the started read once, else a fresh one): the key made in one
 * place, the type kept.
 */
export function preloadable<T>(name: string, read: (id: string) => Promise<T>): { start(id: string): void; read(id: string): Promise<T> } {
  const key = (id: string) => `${name}/${id}`
  return {
    start: (id) => preload(key(id), () => read(id)),
    read: (id) => takePreloaded<T>(key(id)) ?? read(id),
  }
}
