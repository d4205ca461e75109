import { useState } from 'react'
import type { Result } from '@/types'
import { useResult } from './use-result'

/**
 * One item's detail (a request, a wish). Every action answers the item as it now stands, which
 * replaces what is shown without another read; `reload` reads it again (after an action whose answer
 * is not the item: a +1's count, a credit reversal's).
 */
export function useDetail<T>(run: () => Promise<Result<T>>, id: string) {
  const loaded = useResult(run, id || null)
  const [fresh, setFresh] = useState<T | null>(null)
  const reload = () => {
    setFresh(null)
    loaded.reload()
  }
  const current = fresh ?? (loaded.state === 'ready' ? loaded.data : null)
  return { loaded, current, replace: setFresh, reload }
}
