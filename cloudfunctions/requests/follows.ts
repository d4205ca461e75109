import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { isDuplicateWrite } from '../shared/runtime/database-errors'

/** One +1 per person and request: the `_id` says who and what, so a second tap collides. */
const followId = (requestId: string, userId: string) => `${requestId}:${userId}`
const follows = () => database().collection(Collections.requestFollows)

/** Once per person: a second tap finds the first record and leaves it as it was. */
export async function recordFollow(requestId: string, userId: string, at: number): Promise<void> {
  try {
    await follows().add({ _id: followId(requestId, userId), requestId, userId, at })
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
  }
}

/** How many people follow it: the records are the truth, the request's `followers` a copy for lists. */
export async function countFollowers(requestId: string): Promise<number> {
  return (await follows().where({ requestId }).count()).total as number
}

export async function isFollowing(requestId: string, userId: string): Promise<boolean> {
  const { data } = await follows().doc(followId(requestId, userId)).get()
  return (data as unknown[]).length > 0
}

/** Which of these requests the person follows: one read for a page of duplicates. */
export async function followedAmong(requestIds: readonly string[], userId: string): Promise<Set<string>> {
  if (requestIds.length === 0) return new Set()
  const ids = requestIds.map((id) => followId(id, userId))
  const { data } = await follows().where({ _id: database().command.in(ids) }).limit(ids.length).get()
  return new Set((data as Array<{ requestId: string }>).map((doc) => doc.requestId))
}
