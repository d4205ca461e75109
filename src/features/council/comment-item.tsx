import { Text, View } from '@tarojs/components'
import { speakerRoleLabels } from '@/services/council-labels'
import type { CommentView } from '@/types'
import { dateTimeLine } from '@/types/calendar'

/**
 * One comment: who said it and in which role (居委会, 物业, 业委会, 居民代表 — issue 8's 三方 — or 居民),
 * when, and the words; a hidden one says so with the committee's reason instead of the words.
 */
export function CommentItem({ comment, reply }: { comment: CommentView; reply?: boolean }) {
  const staffRole = comment.role !== 'resident'
  return (
    <View className={`council-comment${reply ? ' council-comment--reply' : ''}`}>
      <View className="council-comment__head">
        <Text className="council-comment__who">{comment.mine ? `${comment.authorName}（我）` : comment.authorName}</Text>
        <Text className={`council-comment__role${staffRole ? ' council-comment__role--staff' : ''}`}>{speakerRoleLabels[comment.role]}</Text>
      </View>
      {comment.hidden ? (
        <Text className="council-comment__hidden">{`已被居委会隐藏：${comment.hidden.reason}`}</Text>
      ) : (
        <Text className="council-text">{comment.text ?? ''}</Text>
      )}
      <Text className="council-comment__when">{dateTimeLine(comment.at)}</Text>
    </View>
  )
}
