import { Text } from '@tarojs/components'
import { Failed, Loading, Notice } from '@/components/status-views'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import type { Category } from '@/types'
import { dateTimeLine } from '@/types/calendar'
import { placeKey, type Place } from './place'

/**
 * 即时答复 starts before filing: the resident sees where the problem will go and who will own it,
 * from the same routing the server will use, so there is no surprise after submitting.
 */
export function RoutePreview({ category, place }: { category: Category; place: Place }) {
  const decision = useResult(() => call('directory', 'route', { category, target: place.target }), `${category}:${placeKey(place)}`)
  if (decision.state === 'loading') return <Loading what="正在查找负责的人" />
  if (decision.state === 'failed') return <Failed code={decision.code} onRetry={decision.reload} />
  const { communityName, gridName, handlerName, respondBy, resolveBy } = decision.data
  const where = gridName ? `${communityName}${gridName}` : `${communityName}（社区统一受理）`
  return (
    <Notice tone="ok" title="这件事会交给谁">
      <Text>{`这件事会交给${where}，由 ${handlerName ?? '社区工作人员'} 办理，会一直跟到办完。`}</Text>
      <Text>{`如果现在提交，最晚 ${dateTimeLine(respondBy)} 前答复，${dateTimeLine(resolveBy)} 前办好。`}</Text>
    </Notice>
  )
}
