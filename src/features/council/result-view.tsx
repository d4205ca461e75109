import { Text, View } from '@tarojs/components'
import { optionLabel, verdictLabels } from '@/services/council-labels'
import { optionKeys, ownersOnly, type OwnerFigures, type TopicDetail, type TopicResult } from '@/types'
import { dateTimeLine } from '@/types/calendar'
import { unitNoun } from './topic-words'

/** Floor area as people say it: up to two decimals, no trailing zeros. */
const area = (m2: number): string => `${Number(m2.toFixed(2))} 平方米`

const quorumLine = (topic: TopicDetail, result: TopicResult): string => {
  if (ownersOnly(topic.rule)) return result.quorumMet ? '参加表决的业主达到了三分之二（户数和面积都够）。' : '参加表决的业主不到三分之二，结果不算数。'
  if (topic.quorumPercent === 0) return '这次不要求最少参加人数。'
  return result.quorumMet ? `参加的达到了 ${topic.quorumPercent}%，结果算数。` : `参加的不到 ${topic.quorumPercent}%，结果不算数。`
}

/** 民法典 art. 278 counts owners and their floor area: the stored figures, each in a sentence. */
function OwnerLines({ owners }: { owners: OwnerFigures }) {
  return (
    <View className="council-owners">
      <Text>{`范围里的业主：${owners.eligibleOwners} 户，专有面积共 ${area(owners.eligibleArea)}。`}</Text>
      <Text>{`参加表决：${owners.votedOwners} 户，面积 ${area(owners.votedArea)}。`}</Text>
      <Text>{`同意：${owners.yesOwners} 户，面积 ${area(owners.yesArea)}。`}</Text>
    </View>
  )
}

/**
 * The result as stored once at the close (issue 8: never recomputed here): the verdict in words,
 * the count of every option, the turnout and whether it was enough, and for art. 278 the owners'
 * figures the rule is decided on.
 */
export function ResultView({ topic, result }: { topic: TopicDetail; result: TopicResult }) {
  const noun = unitNoun[topic.unit]
  const label = (key: string) => optionLabel(topic.options, key)
  return (
    <View className="card council-result">
      <Text className="card__title">投票结果</Text>
      <Text className={`council-result__verdict council-result__verdict--${result.verdict}`}>{verdictLabels[result.verdict]}</Text>
      {/* A yes/no topic adopts "yes" when it passes: 通过 already says so. */}
      {topic.options.kind === 'choices' && result.adopted.length > 0 && <Text className="council-result__adopted">{`采纳：${result.adopted.map(label).join('、')}`}</Text>}
      <View className="council-counts" role="list">
        {optionKeys(topic.options).map((key) => (
          <View key={key} className="council-counts__row" role="listitem">
            <Text className="council-counts__name">{label(key)}</Text>
            <Text className="council-counts__value">{`${result.counts[key] ?? 0} 票`}</Text>
          </View>
        ))}
      </View>
      <Text>{`参加投票：${result.votedUnits} ${noun}，共 ${result.eligibleUnits} ${noun}。`}</Text>
      <Text>{quorumLine(topic, result)}</Text>
      {result.owners && <OwnerLines owners={result.owners} />}
      <Text className="section__note">{`${dateTimeLine(result.closedAt)} 投票结束`}</Text>
    </View>
  )
}
