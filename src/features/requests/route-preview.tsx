import { Text } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
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
export function RoutePreview({ category, place, onChooseAgain }: { category: Category; place: Place; onChooseAgain: () => void }) {
  const decision = useResult(() => call('directory', 'route', { category, target: place.target }), `${category}:${placeKey(place)}`)
  if (decision.state === 'loading') return <Loading what="正在查找负责的人" />
  // Asking again about the same point gets the same answer: the way on is another point.
  if (decision.state === 'failed' && decision.code === 'OUT_OF_AREA') {
    return (
      <Notice tone="bad" title="这个位置不在我们服务的社区里">
        <Text>请重新选一个位置：可以在社区地图上点，也可以按楼栋名称找。</Text>
        <ActionButton tone="primary" onClick={onChooseAgain}>
          重新选位置
        </ActionButton>
      </Notice>
    )
  }
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
