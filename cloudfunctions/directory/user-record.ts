import type { User } from '../../types'
import type { Actor } from '../shared/core/actor'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { isDuplicateWrite } from '../shared/runtime/database-errors'

/**
 * A WeChat user has no record until they first tell us something (a binding, a registration): the
 * record is created then, keyed by their OPENID, and later calls only update the name and phone.
 */
export async function ensureUser(actor: Actor, details: { name: string; phone?: string }, now: number): Promise<void> {
  const users = database().collection(Collections.users)
  const contact = { name: details.name, ...(details.phone ? { phone: details.phone } : {}) }
  if (actor.user) {
    await users.doc(actor.userId).update(contact)
    return
  }
  const record: User = { _id: actor.userId, ...contact, staff: {}, createdAt: now }
  try {
    await users.add(record)
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
    await users.doc(actor.userId).update(contact)
  }
}
