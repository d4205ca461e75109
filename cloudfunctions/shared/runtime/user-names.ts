import { User } from '../../../types'
import { database } from './cloudbase'
import { Collections } from './collections'
import { findMany } from './documents'

/** People rarely rename themselves; a warm instance keeps a name a minute instead of reading it per call. */
const NAME_TTL_MS = 60_000
const nameCache = new Map<string, { at: number; name: string | null }>()

/** At most one read for every name a page or a detail shows, none when all are fresh in the cache. */
export async function userNames(ids: Iterable<string>, now: number): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter((id) => id !== 'system')
  const missing = wanted.filter((id) => !(now - (nameCache.get(id)?.at ?? -Infinity) <= NAME_TTL_MS))
  if (missing.length > 0) {
    const users = await findMany(Collections.users, { _id: database().command.in(missing) }, User, { limit: missing.length })
    for (const id of missing) nameCache.set(id, { at: now, name: users.find((user) => user._id === id)?.name ?? null })
  }
  const names = new Map<string, string>()
  for (const id of wanted) {
    const name = nameCache.get(id)?.name
    if (name) names.set(id, name)
  }
  return names
}
