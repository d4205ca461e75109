import { Text, View } from '@tarojs/components'
import { followStageLabels, topicStatusLabels, verdictLabels } from '@/services/council-labels'
import type { TopicListItem } from '@/types'
import { dateTimeLine } from '@/types/calendar'
import { deadlineLine } from './topic-words'

/** Where my own ballot stands, while voting: only a unit that may vote is waited for (eligible). */
function BallotLine({ topic }: { topic: TopicListItem }) {
  if (!topic.eligible) return <Text className="card__line council-card__cannot">您不能投这个票</Text>
  if (topic.voted) return <Text className="card__line council-card__voted">✓ 已投票，截止前还能改</Text>
  return <Text className="card__line council-card__waiting">还没投票</Text>
}

/**
 * One topic in a list: what it asks, where it stands, whose it is, and the one date that matters now
 * (when voting opens, when it closes). While voting, whether my ballot is in, in words — a resident
 * scanning the list finds the ones still waiting for them; one who may not vote (a tenant under art.
 * 278, a household outside the scope) reads so before opening it, and is never told 还没投票. Decided
 * ones say the verdict and how far the follow-through got. Never a count per option: lists carry none.
 */
export function TopicCard({ topic, onOpen }: { topic: TopicListItem; onOpen: () => void }) {
  return (
    <View className="card council-card" role="button" onClick={onOpen}>
      <Text className="card__title">{topic.title}</Text>
      <Text className="council-card__status">{topicStatusLabels[topic.status]}</Text>
      <Text className="card__line council-card__scope">{`范围：${topic.scopeLabel}`}</Text>
      {topic.status === 'deliberating' && <Text className="card__line">{`${dateTimeLine(topic.opensAt)} 开始投票`}</Text>}
      {topic.status === 'deliberating' && !topic.eligible && <Text className="card__line council-card__cannot">您不能投这个票</Text>}
      {topic.status === 'voting' && (
        <>
          <Text className="card__line council-card__due">{`${deadlineLine(topic.closesAt)} 截止`}</Text>
          <BallotLine topic={topic} />
        </>
      )}
      {topic.verdict && <Text className="card__line council-card__verdict">{`结果：${verdictLabels[topic.verdict]}`}</Text>}
      {topic.followStage && <Text className="card__line">{`落实：${followStageLabels[topic.followStage]}`}</Text>}
    </View>
  )
}
