import { Text } from '@tarojs/components'
import { Failed, Loading, Notice } from '@/components/status-views'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import { categoryLabels, type Category } from '@/types'

/** 即时答复: before anything is filed, the resident already sees who will own this kind of problem. */
export function WhoHelps({ householdId, category }: { householdId: string; category: Category }) {
  const decision = useResult(() => call('directory', 'route', { category, target: { householdId } }), `${householdId}:${category}`)
  if (decision.state === 'loading') return <Loading what="正在查找负责的人" />
  if (decision.state === 'failed') return <Failed code={decision.code} onRetry={decision.reload} />
  const { communityName, gridName, handlerName } = decision.data
  return (
    <Notice tone="ok" title={`“${categoryLabels[category]}”的事，这样找人`}>
      <Text>{[communityName, gridName].filter(Boolean).join(' ')}</Text>
      <Text>{handlerName ? `由 ${handlerName} 负责，会一直跟到办完。` : '由社区工作人员统一接手，会一直跟到办完。'}</Text>
      <Text>在线提交即将开放；着急的事，请直接到居委会或打电话。</Text>
    </Notice>
  )
}
