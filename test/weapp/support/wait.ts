import { hostDelay } from './idle'

const POLL_MS = 5
const LIMIT_MS = 3_000

/**
 * Awaits a condition on what the app rendered or called. Renders land a few ticks after the event
 * (Taro batches setData), so this looks again every few milliseconds until the condition holds,
 * and gives up with what the screen showed instead.
 */
export async function until<T>(what: string, probe: () => T | null | undefined | false, explain: () => string): Promise<T> {
  const deadline = Date.now() + LIMIT_MS
  for (;;) {
    const found = probe()
    if (found) return found
    if (Date.now() > deadline) throw new Error(`waited ${LIMIT_MS} ms for ${what}\n${explain()}`)
    await hostDelay(POLL_MS)
  }
}
