import { Household, User } from '../../../types'
import { actorFrom, type Actor } from '../core/actor'
import { database } from './cloudbase'
import { Collections } from './collections'
import { loadDirectory, rememberHousehold } from './directory-cache'

/**
 * The caller: their user record, read once per invocation, and the branches they are secretary of,
 * taken from the directory a warm instance keeps (directory-cache.ts) rather than queried each call.
 * A secretary appointed or replaced is seen within the directory's minute; the user record (roles,
 * household, party status) is always read fresh, as a grant or a revocation must hold at once.
 * The record comes with its household (one aggregate with a lookup, still one request): most
 * actions of a bound resident need their home, which would otherwise be a second round trip on an
 * instance that has not read it lately (directory-cache householdOf keeps it from here).
 */
export async function loadActor(openid: string, now: number): Promise<Actor> {
  const [found, directory] = await Promise.all([
    database().collection(Collections.users).aggregate()
      .match({ _id: openid })
      .limit(1)
      .lookup({ from: Collections.households, localField: 'householdId', foreignField: '_id', as: 'home' })
      .end(),
    loadDirectory(now),
  ])
  const doc = (found.data as ({ home?: unknown[] } & Record<string, unknown>)[])[0]
  let user: User | null = null
  if (doc) {
    const { home = [], ...record } = doc
    user = User.parse(record)
    const household = home.length > 0 ? Household.safeParse(home[0]) : null
    if (household?.success) rememberHousehold(household.data, now)
  }
  return actorFrom(openid, user, [...directory.branches.values()].filter((branch) => branch.secretaryId === openid))
}
