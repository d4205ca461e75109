import { Branch, User } from '../../../types'
import { actorFrom, type Actor } from '../core/actor'
import { database } from './cloudbase'
import { Collections } from './collections'

export async function loadActor(openid: string): Promise<Actor> {
  const db = database()
  const [userResult, branchResult] = await Promise.all([
    db.collection(Collections.users).where({ _id: openid }).limit(1).get(),
    db.collection(Collections.branches).where({ secretaryId: openid }).limit(100).get(),
  ])
  const user = userResult.data.length > 0 ? User.parse(userResult.data[0]) : null
  return actorFrom(openid, user, branchResult.data.map((doc: unknown) => Branch.parse(doc)))
}
