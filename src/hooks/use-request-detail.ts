import { call } from '@/services/call'
import { useDetail } from './use-detail'

export function useRequestDetail(requestId: string) {
  const { current, ...detail } = useDetail(() => call('requests', 'detail', { requestId }), requestId)
  return { ...detail, request: current }
}
