import { Text, View } from '@tarojs/components'
import { PhotoStrip } from '@/components/photo-strip'
import { newestFirst } from '@/services/newest-first'
import type { TopicDetail } from '@/types'
import { dateTimeLine } from '@/types/calendar'

/** 议事会 minutes the committee added while the topic was discussed (issue 8 Deliberation), newest first. */
export function MinutesList({ minutes }: { minutes: TopicDetail['minutes'] }) {
  if (minutes.length === 0) return null
  return (
    <View className="section">
      <Text className="section__title">议事会纪要</Text>
      <View className="timeline" role="list">
        {newestFirst(minutes).map(({ entry, index }) => (
          <View key={index} className="timeline__item" role="listitem">
            <Text className="timeline__when">{dateTimeLine(entry.at)}</Text>
            <Text className="timeline__note council-text">{entry.text}</Text>
            <PhotoStrip photos={entry.photos} what="议事会纪要照片" />
          </View>
        ))}
      </View>
    </View>
  )
}
