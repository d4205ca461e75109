import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { BigEntry } from '@/components/big-entry'
import { Notice } from '@/components/status-views'
import { dueLine, statusLabels } from '@/services/request-labels'
import type { RequestDetail } from '@/types'

/** 即时答复: right after filing, who owns it and by when, as the server decided. */
export function FiledAnswer({ request, detailUrl, forStaff }: { request: RequestDetail; detailUrl: string; forStaff?: boolean }) {
  const where = [request.communityName, request.gridName].filter(Boolean).join(' ')
  return (
    <>
      <Notice tone="ok" title={forStaff ? '已经登记' : '提交成功，我们收到了'}>
        <Text>{`现在：${statusLabels[request.status]}`}</Text>
        <Text>{request.owner ? `负责人：${request.owner.name ?? '网格工作人员'}（${where}）` : `由${where}的工作人员统一安排`}</Text>
        {request.due && <Text>{`最晚 ${dueLine(request.due)}`}</Text>}
        {!forStaff && <Text>办理有进展，会在“消息”里告诉您。</Text>}
      </Notice>
      <BigEntry tone="brand" title="看办理进度" note="谁在办、办到哪一步了" onClick={() => void Taro.redirectTo({ url: `${detailUrl}?id=${encodeURIComponent(request._id)}` })} />
    </>
  )
}
