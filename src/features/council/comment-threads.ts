import type { CommentView } from '@/types'

export type Thread = { comment: CommentView; replies: CommentView[] }

/**
 * One level of replies (issue 8): each comment with the replies to it, in the order the server sent
 * them. A reply whose comment is not on the pages loaded yet stands on its own rather than vanish.
 */
export function threadsOf(comments: readonly CommentView[]): Thread[] {
  const ids = new Set(comments.map((c) => c._id))
  const threads = comments.filter((c) => c.parentId === null || !ids.has(c.parentId)).map((comment) => ({ comment, replies: [] as CommentView[] }))
  const byId = new Map(threads.map((thread) => [thread.comment._id, thread]))
  for (const c of comments) if (c.parentId !== null && ids.has(c.parentId)) byId.get(c.parentId)?.replies.push(c)
  return threads
}

/**
 * The loaded pages with what this page added since: my new comments first (right under the box where
 * I wrote them), my replies after their comment's others, and any comment the server answered again
 * (a hide) in place of the one loaded.
 */
export function mergeComments(loaded: readonly CommentView[], added: readonly CommentView[], changed: ReadonlyMap<string, CommentView>): CommentView[] {
  const loadedIds = new Set(loaded.map((c) => c._id))
  const fresh = added.filter((c) => !loadedIds.has(c._id))
  const all = [...fresh.filter((c) => c.parentId === null), ...loaded, ...fresh.filter((c) => c.parentId !== null)]
  return all.map((c) => changed.get(c._id) ?? c)
}
