import { Text, View } from '@tarojs/components'
import { PhotoStrip } from '@/components/photo-strip'
import { eventLabels, relationLabels } from '@/services/request-labels'
import type { RequestDetail } from '@/types'
import { dateTimeLine } from '@/types/calendar'

/**
 * Everything that happened to the request, newest first, each with who and when (the audit trail).
 * Internal notes reach only staff (the server leaves them out for the resident) and are marked here.
 */
export function Timeline({ entries }: { entries: RequestDetail['timeline'] }) {
  const newestFirst = [...entries].sort((a, b) => b.seq - a.seq)
  return (
    <View className="section">
      <Text className="section__title">办理经过</Text>
      <View className="timeline" role="list">
        {newestFirst.map((entry) => (
          <View key={entry.seq} className={entry.visibleTo === 'staff' ? 'timeline__item timeline__item--internal' : 'timeline__item'} role="listitem">
            {entry.visibleTo === 'staff' && <Text className="timeline__mark">内部备注 · 居民看不到</Text>}
            <Text className="timeline__when">{dateTimeLine(entry.at)}</Text>
            <Text className="timeline__what">{`${entry.actorName ?? relationLabels[entry.relation]} ${eventLabels[entry.action]}`}</Text>
            {entry.note && <Text className="timeline__note">{entry.note}</Text>}
            {entry.action === 'note' && entry.photos && <PhotoStrip photos={entry.photos} what="现场照片" />}
          </View>
        ))}
      </View>
    </View>
  )
}
