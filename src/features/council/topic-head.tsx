import { Text, View } from '@tarojs/components'
import { PhotoStrip } from '@/components/photo-strip'
import { followStageLabels } from '@/services/council-labels'
import type { TopicDetail } from '@/types'
import { topicMeaning, unitNoun } from './topic-words'

/**
 * Where the topic stands and what that means now, in one sentence (the bare status above it only
 * said the same words twice at large type) — a cancelled one, why the committee cancelled it
 * (everyone reads it) — the turnout while voting (issue 8 Sealed: units voted of eligible, never
 * counts per option), then what it is about, with its photos.
 */
export function TopicHead({ topic }: { topic: TopicDetail }) {
  const noun = unitNoun[topic.unit]
  return (
    <View className="card council-head">
      <Text className="council-head__title">{topic.title}</Text>
      <Text className="council-head__meaning">{topicMeaning(topic)}</Text>
      {topic.status === 'voting' && topic.turnout && (
        <Text className="council-head__turnout">{`已投 ${topic.turnout.voted} / 共 ${topic.turnout.eligible} ${noun}`}</Text>
      )}
      {topic.status === 'cancelled' && (
        <Text className="council-head__cancelled">{`取消的原因：${topic.cancelReason ?? '居委会没有写原因。'}`}</Text>
      )}
      {topic.followStage && <Text className="card__line">{`落实：${followStageLabels[topic.followStage]}`}</Text>}
      <Text className="council-text">{topic.background}</Text>
      <PhotoStrip photos={topic.photos} what="议题照片" />
    </View>
  )
}
