import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { Empty, Failed, Loading } from '@/components/status-views'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'

const viaLabels = { app: '自己在小程序投的', assisted: '工作人员代录' } as const

/**
 * Which units voted, for the committee after close only (issue 8): places and how each voted, never
 * what anyone chose. Asked for on a tap, not on every visit to the topic.
 */
export function VotedUnits({ topicId }: { topicId: string }) {
  const [shown, setShown] = useState(false)
  return (
    <View className="actions">
      <ActionButton tone={shown ? 'primary' : 'plain'} onClick={() => setShown(!shown)}>
        {shown ? '查看哪些户投了票（收起）' : '查看哪些户投了票'}
      </ActionButton>
      {shown && <UnitList topicId={topicId} />}
    </View>
  )
}

function UnitList({ topicId }: { topicId: string }) {
  const units = useResult(() => call('council', 'votedUnits', { topicId }), topicId)
  if (units.state === 'loading') return <Loading />
  if (units.state === 'failed') return <Failed code={units.code} onRetry={units.reload} />
  if (units.data.length === 0) return <Empty>没有人投票。</Empty>
  const assisted = units.data.filter((unit) => unit.via === 'assisted').length
  return (
    <View className="council-voted">
      <Text className="council-voted__sum">{`共 ${units.data.length} 个投了票，其中代录 ${assisted} 个。只列出谁投了，不显示投了什么。`}</Text>
      {units.data.map((unit, index) => (
        <View key={`${unit.placeLabel}-${index}`} className="council-voted__row">
          <Text className="council-voted__place">{unit.placeLabel}</Text>
          <Text className="council-voted__via">{viaLabels[unit.via]}</Text>
        </View>
      ))}
    </View>
  )
}
