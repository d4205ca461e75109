import { User } from '../../../types'
import { Collections } from './collections'
import { findMany } from './documents'

/** Staff posts change rarely; a warm instance asks the users collection once a minute per unit. */
const TTL_MS = 60_000
const staffCache = new Map<string, { at: number; ids: Promise<string[]> }>()

export function staffOf(kind: 'committee' | 'street', unitId: string, now: number): Promise<string[]> {
  const key = `${kind}:${unitId}`
  const hit = staffCache.get(key)
  if (hit && now - hit.at <= TTL_MS) return hit.ids
  const field = kind === 'committee' ? 'staff.committee.communityIds' : 'staff.streetAdmin.streetIds'
  const ids = findMany(Collections.users, { [field]: unitId }, User, { limit: 200 }).then((users) => users.map((u) => u._id))
  ids.catch(() => staffCache.delete(key))
  staffCache.set(key, { at: now, ids })
  return ids
}
