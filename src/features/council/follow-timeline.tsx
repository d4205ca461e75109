import { Text, View } from '@tarojs/components'
import { PhotoStrip } from '@/components/photo-strip'
import { followStageLabels } from '@/services/council-labels'
import { newestFirst } from '@/services/newest-first'
import type { TopicDetail } from '@/types'
import { dateTimeLine } from '@/types/calendar'

/** What was done about the decision, newest first, with the committee's photos (issue 8 Follow-through). */
export function FollowTimeline({ updates }: { updates: TopicDetail['updates'] }) {
  if (updates.length === 0) return null
  return (
    <View className="section">
      <Text className="section__title">落实进展</Text>
      <View className="timeline" role="list">
        {newestFirst(updates).map(({ entry: update, index }) => (
          <View key={index} className="timeline__item" role="listitem">
            <Text className="timeline__when">{dateTimeLine(update.at)}</Text>
            <Text className="timeline__what">{followStageLabels[update.stage]}</Text>
            <Text className="timeline__note">{update.text}</Text>
            <PhotoStrip photos={update.photos} what={`${followStageLabels[update.stage]}照片`} />
          </View>
        ))}
      </View>
    </View>
  )
}
