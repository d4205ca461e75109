import { failure, User, type Failure } from '../../types'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { findMany } from '../shared/runtime/documents'

/** A co-handler must be someone the directory knows: a typo would otherwise hand work to no one. */
export async function unknownHandler(ids: readonly string[]): Promise<Failure | null> {
  const wanted = [...new Set(ids)]
  if (wanted.length === 0) return null
  const found = await findMany(Collections.users, { _id: database().command.in(wanted) }, User, { limit: wanted.length })
  const missing = wanted.filter((id) => !found.some((user) => user._id === id))
  return missing.length === 0 ? null : failure('NOT_FOUND', `没有找到这些协办人：${missing.join('、')}`)
}
