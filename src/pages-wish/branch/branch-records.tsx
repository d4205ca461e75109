import { Text, View } from '@tarojs/components'
import { Empty } from '@/components/status-views'
import type { RankingLine, ServiceRecord } from '@/types'

/**
 * Each member's record as the ledger and the timeline give it: realised counts only confirmed
 * fulfilments (issue 7: rankings reward delivering, not claiming), lapses are claims that ran out.
 */
export function MemberRecords({ members }: { members: ServiceRecord[] }) {
  return (
    <View className="section">
      <Text className="section__title">{`党员记录（${members.length} 人）`}</Text>
      {members.length === 0 ? (
        <Empty>这个支部还没有报到的党员。</Empty>
      ) : (
        <View className="wish-table">
          <View className="wish-table__row wish-table__head">
            <Text className="wish-table__name">党员</Text>
            <Text className="wish-table__num">已实现</Text>
            <Text className="wish-table__num">到期</Text>
            <Text className="wish-table__num">认领中</Text>
          </View>
          {members.map((member) => (
            <View key={member.memberId} className="wish-table__row wish-member">
              <Text className="wish-table__name">{member.name}</Text>
              <Text className="wish-table__num">{member.realised}</Text>
              <Text className={`wish-table__num${member.lapses > 0 ? ' wish-table__num--warn' : ''}`}>{member.lapses}</Text>
              <Text className="wish-table__num">{member.liveClaims}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

/** This month's ranking by confirmed fulfilment, in the server's order. */
export function MonthRanking({ ranking }: { ranking: RankingLine[] }) {
  return (
    <View className="section">
      <Text className="section__title">本月排名</Text>
      {ranking.length === 0 ? (
        <Empty>本月还没有确认实现的心愿。</Empty>
      ) : (
        <View className="wish-table">
          {ranking.map((line, index) => (
            <View key={line.id} className="wish-table__row wish-rank">
              <Text className="wish-table__place">{`第 ${index + 1} 名`}</Text>
              <Text className="wish-table__name">{line.name}</Text>
              <Text className="wish-table__num">{`${line.fulfilments} 件`}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
