import { useDetail } from '@/hooks/use-detail'
import { call } from '@/services/call'

export function useWishDetail(wishId: string) {
  const { current, ...detail } = useDetail(() => call('wishes', 'detail', { wishId }), wishId)
  return { ...detail, wish: current }
}
