import { callUnchecked } from '@/services/call-unchecked'
import { useDetail } from './use-detail'

export function useRequestDetail(requestId: string) {
  const { current, ...detail } = useDetail(() => callUnchecked('requests', 'detail', { requestId }), requestId)
  return { ...detail, request: current }
}
