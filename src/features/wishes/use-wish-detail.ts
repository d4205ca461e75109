import { useState } from 'react'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import type { WishDetail } from '@/types'

/**
 * One wish's detail. Every action answers the wish as it now stands, which replaces what is shown
 * without another read; `reload` reads it again (pulling down, or after a credit reversal).
 */
export function useWishDetail(wishId: string) {
  const loaded = useResult(() => call('wishes', 'detail', { wishId }), wishId || null)
  const [fresh, setFresh] = useState<WishDetail | null>(null)
  const reload = () => {
    setFresh(null)
    loaded.reload()
  }
  const wish = fresh ?? (loaded.state === 'ready' ? loaded.data : null)
  return { loaded, wish, replace: setFresh, reload }
}
