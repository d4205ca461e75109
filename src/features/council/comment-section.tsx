import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PagedList } from '@/components/paged-list'
import { usePaged, type Paged } from '@/hooks/use-paged'
import { call } from '@/services/call'
import type { CommentView, TopicDetail } from '@/types'
import { CommentBox } from './comment-box'
import { CommentItem } from './comment-item'
import { mergeComments, threadsOf, type Thread } from './comment-threads'
import { HideCommentButton } from './hide-comment'

/**
 * 大家的看法: the comments with one level of replies, a box to add mine while the topic is being
 * discussed or voted on, and for the committee 隐藏 with a reason (hide-comment.tsx, the staff
 * side's). What I send shows at once, where I wrote it, without reading the list again.
 */
export function CommentSection({ topic }: { topic: TopicDetail }) {
  const list = usePaged((cursor) => call('council', 'comments', { topicId: topic._id, limit: 20, ...(cursor ? { cursor } : {}) }), topic._id)
  const [added, setAdded] = useState<CommentView[]>([])
  const [changed, setChanged] = useState<ReadonlyMap<string, CommentView>>(new Map())
  const [replyingTo, setReplyingTo] = useState<string | null>(null)
  const talking = topic.status === 'deliberating' || topic.status === 'voting'
  const moderator = topic.relations.includes('committee')

  const add = (comment: CommentView) => {
    setReplyingTo(null)
    setAdded((list) => [...list, comment])
  }
  const hidden = (comment: CommentView) => setChanged((map) => new Map(map).set(comment._id, comment))
  const toggleReply = (commentId: string) => setReplyingTo(replyingTo === commentId ? null : commentId)

  const threaded: Paged<Thread> =
    list.paged.state === 'ready' ? { ...list.paged, items: threadsOf(mergeComments(list.paged.items, added, changed)) } : list.paged

  const actionsOf = (comment: CommentView, canReply: boolean) => (
    <>
      {canReply && (
        <View className="council-comment__actions">
          <ActionButton small onClick={() => toggleReply(comment._id)}>
            {replyingTo === comment._id ? '不回复了' : '回复'}
          </ActionButton>
        </View>
      )}
      {moderator && !comment.hidden && <HideCommentButton commentId={comment._id} onHidden={hidden} />}
    </>
  )

  return (
    <View className="section">
      <Text className="section__title">大家的看法</Text>
      {talking && (
        <CommentBox topicId={topic._id} label="说说您的看法" placeholder="写下您的想法和理由" button="发表" onSent={add} />
      )}
      <PagedList
        {...list}
        paged={threaded}
        empty={talking ? '还没有人留言，您可以说第一句。' : '没有留言。'}
        idOf={(thread) => thread.comment._id}
        render={({ comment, replies }) => (
          <View className="council-thread">
            <CommentItem comment={comment} />
            {actionsOf(comment, talking && comment.parentId === null && !comment.hidden)}
            {replies.map((reply) => (
              <View key={reply._id} className="council-thread__reply">
                <CommentItem comment={reply} reply />
                {actionsOf(reply, false)}
              </View>
            ))}
            {replyingTo === comment._id && (
              <CommentBox topicId={topic._id} parentId={comment._id} label={`回复 ${comment.authorName}`} placeholder="写下您的回复" button="发表回复" onSent={add} />
            )}
          </View>
        )}
      />
    </View>
  )
}
