import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { optionLabel, ruleWords, unitLabels } from '@/services/council-labels'
import { optionKeys, ownersOnly, type TopicDetail } from '@/types'
import { proposalUrl } from './council-urls'
import { Term } from './term'
import { windowLine } from './topic-words'

const choicesLine = (topic: TopicDetail): string => {
  const labels = optionKeys(topic.options).map((key) => optionLabel(topic.options, key))
  return topic.options.kind === 'choices' ? `${labels.join('、')}（每票最多选 ${topic.options.maxPicks} 项）` : labels.join('、')
}

/** How this topic is decided, each in plain words: who votes, on what, by which rule, and when. */
export function TopicTerms({ topic }: { topic: TopicDetail }) {
  return (
    <View className="card">
      <Text className="card__title">怎么投、怎么算</Text>
      <Term name="范围">{topic.scopeLabel}</Term>
      <Term name="谁来投">{unitLabels[topic.unit]}</Term>
      <Term name="选项">{choicesLine(topic)}</Term>
      <Term name="怎么算通过">{ruleWords[topic.rule]}</Term>
      {!ownersOnly(topic.rule) && topic.quorumPercent > 0 && <Term name="最少参加">{`至少 ${topic.quorumPercent}% 参加投票，结果才算数。`}</Term>}
      <Term name="投票时间">{windowLine(topic)}</Term>
      {topic.fromProposalId && (
        <View className="link council-link" role="link" onClick={() => void Taro.navigateTo({ url: proposalUrl(topic.fromProposalId ?? '') })}>
          <Text>这个议题来自居民的提议，点这里看提议</Text>
        </View>
      )}
      {topic.fromRequestIds.length > 0 && <Text className="section__note">{`这是“每月一题”：来自这个月居民反映的 ${topic.fromRequestIds.length} 件事。`}</Text>}
    </View>
  )
}
