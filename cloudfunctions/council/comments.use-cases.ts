import { z } from 'zod'
import { failure, Message, success, type CommentView, type SpeakerRole } from '../../types'
import type { Actor } from '../shared/core/actor'
import { maskName } from '../shared/core/mask'
import { appendAudit } from '../shared/runtime/audit-log'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { loadDirectory, type Directory } from '../shared/runtime/directory-cache'
import { findById } from '../shared/runtime/documents'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { deliver } from '../shared/runtime/notifications'
import { isDuplicateWrite } from '../shared/runtime/database-errors'
import { offsetOf, page } from '../shared/runtime/paging'
import { idempotentId } from '../shared/runtime/versioned-store'
import { spendAllowance } from '../shared/runtime/rate-limiter'
import { loadTopic, preloadTopic, topicTermsOf, type StoredTopic } from './topic-store'
import { preloadable } from '../shared/runtime/invocation'

const StoredComment = z.object({
  _id: z.string(),
  topicId: z.string(),
  parentId: z.string().nullable(),
  authorId: z.string(),
  authorName: z.string(),
  role: z.enum(['committee', 'property', 'ownersCommittee', 'residentRep', 'resident']),
  text: z.string(),
  hidden: z.object({ reason: z.string(), at: z.number(), by: z.string() }).nullable(),
  at: z.number(),
})
type StoredComment = z.infer<typeof StoredComment>

/**
 * Issue 8 Deliberation: "三方 participants labelled by role (居委会, 物业, 业委会, 居民代表) from the
 * directory" — the committee of one of the topic's communities, the property contact of a building in
 * it, the 业委会 and the 居民代表 the community lists; anyone else speaks as a resident.
 */
function speakerRole(actor: Actor, topic: StoredTopic, directory: Directory): SpeakerRole {
  if (topic.communityIds.some((id) => actor.communityIds.includes(id))) return 'committee'
  const communities = topic.communityIds.map((id) => directory.communities.get(id))
  if ([...directory.buildings.values()].some((b) => topic.communityIds.includes(b.communityId) && b.propertyContactId === actor.userId)) return 'property'
  if (communities.some((c) => c?.councilRoles?.ownersCommittee.includes(actor.userId))) return 'ownersCommittee'
  if (communities.some((c) => c?.councilRoles?.residentReps.includes(actor.userId))) return 'residentRep'
  return 'resident'
}

/**
 * A resident's name is theirs to show: others read it masked (王*), as every resident name in the
 * app; the committee, the property, the 业委会 and 居民代表 speak in their role, by name.
 */
const viewOf = (comment: StoredComment, viewerId: string): CommentView => ({
  _id: comment._id,
  parentId: comment.parentId,
  authorName: comment.role === 'resident' && comment.authorId !== viewerId ? maskName(comment.authorName) : comment.authorName,
  role: comment.role,
  text: comment.hidden ? null : comment.text,
  hidden: comment.hidden && { reason: comment.hidden.reason, at: comment.hidden.at },
  mine: comment.authorId === viewerId,
  at: comment.at,
})

export const comments: ActionHandler<'council', 'comments'> = async ({ topicId, cursor, limit }, { actor }) => {
  const offset = offsetOf(cursor)
  const { data } = await database().collection(Collections.topicComments).where({ topicId }).orderBy('at', 'asc').orderBy('_id', 'asc').skip(offset).limit(limit + 1).get()
  const found = (data as unknown[]).map((doc) => StoredComment.parse(doc))
  const { items, nextCursor } = page(found, offset, limit)
  return success({ items: items.map((c) => viewOf(c, actor.userId)), nextCursor })
}

const commentById = preloadable(Collections.topicComments, (id) => findById(Collections.topicComments, id, StoredComment))
const preloadCommentById = commentById.start
const loadComment = commentById.read

/** A comment's topic, and the comment it answers: read beside the caller's record. */
export function preloadComment(input: { topicId: string; parentId?: string }): void {
  preloadTopic(input)
  if (input.parentId !== undefined) preloadCommentById(input.parentId)
}
export const preloadHiddenComment = (input: { commentId: string }) => preloadCommentById(input.commentId)

/**
 * A comment or a reply to one (issue 8: "comments and one level of replies, content-checked" — the
 * words are screened before this runs, index.ts). Anyone signed in may speak while the topic is
 * deliberated or voted on; the name shown is the one the directory has.
 */
export const comment: ActionHandler<'council', 'comment'> = async ({ topicId, idempotencyKey, text, parentId }, { actor, now }) => {
  const [topic, parent] = await Promise.all([loadTopic(topicId), parentId === undefined ? null : loadComment(parentId)])
  if (!topic) return failure('NOT_FOUND', '没有找到这个议题')
  if (topic.status !== 'deliberating' && topic.status !== 'voting') return failure('CONFLICT', '议题讨论已经结束')
  if (parentId !== undefined) {
    if (!parent || parent.topicId !== topicId) return failure('NOT_FOUND', '没有找到要回复的留言')
    // One level of replies: an answer to a reply answers the comment it replied to.
    parentId = parent.parentId ?? parent._id
  }
  const directory = await loadDirectory(now)
  const stored: StoredComment = {
    _id: idempotentId('comment', actor.userId, idempotencyKey), topicId, parentId: parentId ?? null, authorId: actor.userId, authorName: actor.user?.name ?? '居民',
    role: speakerRole(actor, topic, directory), text, hidden: null, at: now,
  }
  const tooOften = await spendAllowance(actor.userId, 'comment', now, { itemKey: stored._id })
  if (tooOften) return tooOften
  try {
    await database().collection(Collections.topicComments).add(stored)
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
    const first = await findById(Collections.topicComments, stored._id, StoredComment)
    if (first) return success(viewOf(first, actor.userId))
    throw error
  }
  return success(viewOf(stored, actor.userId))
}

/**
 * The committee hides a comment with a reason (issue 8: "the author is told, the hide is logged"); its
 * words are no one's to read after. Whose topic it is never changes: a warm instance knows
 * (topic-store topicTermsOf). The hide goes in first; its log entry and the author's notice follow, together.
 */
export const hideComment: ActionHandler<'council', 'hideComment'> = async ({ commentId, reason }, { actor, now }) => {
  const found = await loadComment(commentId)
  const topic = found && (await topicTermsOf(found.topicId, now))
  if (!found || !topic) return failure('NOT_FOUND', '没有找到这条留言')
  if (!topic.communityIds.some((id) => actor.communityIds.includes(id))) return failure('FORBIDDEN', '只有本社区居委会可以隐藏留言')
  if (found.hidden) return success(viewOf(found, actor.userId))
  const hidden = { reason, at: now, by: actor.userId }
  const { updated } = await database().collection(Collections.topicComments).where({ _id: commentId, hidden: null }).update({ hidden: database().command.set(hidden) })
  // Hidden meanwhile by a colleague: theirs is the hide, the log line and the author's notice.
  if (updated !== 1) {
    const current = await loadComment(commentId)
    return current ? success(viewOf(current, actor.userId)) : failure('NOT_FOUND', '没有找到这条留言')
  }
  await Promise.all([
    appendAudit({ actorId: actor.userId, at: now, action: 'comment.hide', subject: { collection: Collections.topicComments, id: commentId }, fields: ['text'] }),
    deliver([Message.parse({
      _id: `${commentId}>hidden`, recipientId: found.authorId, audience: 'resident', topicId: topic._id,
      action: 'commentHidden', kind: 'progress', title: '您的留言已被居委会隐藏', body: `原因：${reason}`.slice(0, 200), at: now,
    })]).catch((error: unknown) => console.error('[council.hideComment] notice', error)),
  ])
  return success(viewOf({ ...found, hidden }, actor.userId))
}
