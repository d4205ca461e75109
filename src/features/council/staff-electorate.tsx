import { Text } from '@tarojs/components'
import { Failed, Loading, Notice } from '@/components/status-views'
import { useResult, type Loaded } from '@/hooks/use-result'
import { call } from '@/services/call'
import { failure, ownersOnly, type ActionOutput, type DecisionRule, type TopicScope, type VotingUnit } from '@/types'

export type ElectorateCount = ActionOutput<'council', 'countElectorate'>

/**
 * How many units the chosen scope holds now (council.countElectorate), counted again whenever the
 * scope, the unit or the rule changes: the committee sees who can vote before it opens the topic.
 */
export function useElectorate(scope: TopicScope | null, unit: VotingUnit, rule: DecisionRule) {
  // A null key never runs; the failure only types the branch that cannot be reached.
  const count = () => (scope ? call('council', 'countElectorate', { scope, unit, rule }) : Promise.resolve(failure('INVALID_INPUT', 'scope: none picked')))
  return useResult(count, scope ? JSON.stringify({ scope, unit, rule }) : null)
}

/** m², as residents read an area: whole metres past 100, else one decimal. */
const area = (m2: number) => (m2 >= 100 ? String(Math.round(m2)) : m2.toFixed(1))

export function electorateLine(count: ElectorateCount, unit: VotingUnit, rule: DecisionRule): string {
  if (ownersOnly(rule)) return `这个范围现在有 ${count.units} 户业主可以投票，专有面积合计 ${area(count.ownerArea ?? 0)} 平方米`
  if (unit === 'person') return `这个范围现在有 ${count.units} 位认证居民可以投票（共 ${count.households} 户）`
  return `这个范围现在有 ${count.units} 户可以投票`
}

/**
 * What "fixed when voting opens" means for each unit (council/electorate.ts): per household, every
 * household of the scope holds a ballot, bound to the app or not (a household bound later votes in
 * its slot); per person, only those verified then.
 */
const fixedLine: Record<VotingUnit, string> = {
  household: '开始投票时按那时的户数定下来：范围里每一户都算一票，不论有没有用小程序；住户绑定房屋后就能投。',
  person: '开始投票时按那时已认证的居民定下来，之后才绑定的这次不能投。',
}

type Props = { loaded: Loaded<ElectorateCount> & { reload: () => void }; unit: VotingUnit; rule: DecisionRule }

export function ElectorateLine({ loaded, unit, rule }: Props) {
  if (loaded.state === 'loading') return <Loading what="正在数可以投票的户" />
  if (loaded.state === 'failed') return <Failed code={loaded.code} onRetry={loaded.reload} />
  if (loaded.data.units === 0) {
    return (
      <Notice tone="warn" title="这个范围现在没有人可以投票">
        <Text>{unit === 'person' ? '这里还没有绑定房屋并通过审核的居民。请换一个范围，或先请居民绑定房屋。' : '这个范围里还没有登记房屋。请换一个范围。'}</Text>
      </Notice>
    )
  }
  return (
    <Notice tone="ok" title={electorateLine(loaded.data, unit, rule)}>
      <Text>{fixedLine[unit]}</Text>
    </Notice>
  )
}
