import { User } from '../../../types'
import { actorFrom, type Actor } from '../core/actor'
import { database } from './cloudbase'
import { Collections } from './collections'
import { loadDirectory } from './directory-cache'

/**
 * The caller: their user record, read once per invocation, and the branches they are secretary of,
 * taken from the directory a warm instance keeps (directory-cache.ts) rather than queried each call.
 * A secretary appointed or replaced is seen within the directory's minute; the user record (roles,
 * household, party status) is always read fresh, as a grant or a revocation must hold at once.
 */
export async function loadActor(openid: string, now: number): Promise<Actor> {
  const [userResult, directory] = await Promise.all([
    database().collection(Collections.users).where({ _id: openid }).limit(1).get(),
    loadDirectory(now),
  ])
  const user = userResult.data.length > 0 ? User.parse(userResult.data[0]) : null
  return actorFrom(openid, user, [...directory.branches.values()].filter((branch) => branch.secretaryId === openid))
}
