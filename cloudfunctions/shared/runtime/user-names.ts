import { User } from '../../../types'
import { database } from './cloudbase'
import { Collections } from './collections'
import { findMany } from './documents'

/** People rarely rename themselves; a warm instance keeps a name a minute instead of reading it per call. */
const NAME_TTL_MS = 60_000
const nameCache = new Map<string, { at: number; name: string | null }>()
const reading = new Map<string, Promise<void>>()

/** Names read along with something else (a staff member's work line): kept as if userNames had read them. */
export function rememberNames(users: Iterable<{ _id: string; name?: string | null }>, now: number): void {
  for (const user of users) nameCache.set(user._id, { at: now, name: user.name ?? null })
}

/**
 * Names that a read already under way will bring (a staff member's work line): a userNames call made
 * meanwhile waits for it instead of reading them again.
 */
export function namesComing(ids: readonly string[], read: Promise<Iterable<{ _id: string; name?: string | null }>>, now: number): void {
  const settled = read.then((users) => rememberNames(users, now), () => undefined).finally(() => {
    for (const id of ids) if (reading.get(id) === settled) reading.delete(id)
  })
  for (const id of ids) reading.set(id, settled)
}

/** At most one read for every name a page or a detail shows, none when all are fresh in the cache. */
export async function userNames(ids: Iterable<string>, now: number): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter((id) => id !== 'system')
  const stale = wanted.filter((id) => !(now - (nameCache.get(id)?.at ?? -Infinity) <= NAME_TTL_MS))
  // A read another part of the same answer already sent (a notice and the detail, side by side) is
  // waited for, not sent again.
  const missing = stale.filter((id) => !reading.has(id))
  if (missing.length > 0) {
    const read = findMany(Collections.users, { _id: database().command.in(missing) }, User, { limit: missing.length }).then((users) => {
      for (const id of missing) nameCache.set(id, { at: now, name: users.find((user) => user._id === id)?.name ?? null })
    })
    const settled = read.finally(() => {
      for (const id of missing) if (reading.get(id) === settled) reading.delete(id)
    })
    for (const id of missing) reading.set(id, settled)
  }
  await Promise.all(new Set(stale.map((id) => reading.get(id)).filter((read) => read !== undefined)))
  const names = new Map<string, string>()
  for (const id of wanted) {
    const name = nameCache.get(id)?.name
    if (name) names.set(id, name)
  }
  return names
}
