import { Text, View } from '@tarojs/components'
import { newestFirst } from '@/services/newest-first'
import { wishEventLabels, wishRelationLabels } from '@/services/wish-labels'
import type { WishDetail } from '@/types'
import { dateTimeLine } from '@/types/calendar'

/** Everything that happened to the wish, newest first; who acted is said by role, never by name. */
export function WishTimeline({ entries }: { entries: WishDetail['timeline'] }) {
  return (
    <View className="section">
      <Text className="section__title">经过</Text>
      <View className="timeline" role="list">
        {newestFirst(entries).map(({ entry, index }) => (
          <View key={index} className="timeline__item" role="listitem">
            <Text className="timeline__when">{dateTimeLine(entry.at)}</Text>
            <Text className="timeline__what">{`${wishRelationLabels[entry.relation]} ${wishEventLabels[entry.action]}`}</Text>
            {entry.note && <Text className="timeline__note">{entry.note}</Text>}
          </View>
        ))}
      </View>
    </View>
  )
}
