import { useState } from 'react'
import { call } from '@/services/call'
import type { RequestDetail } from '@/types'
import { useResult } from './use-result'

/**
 * One request's detail. Every action answers the request as it now stands, which replaces what is
 * shown without another read; `reload` reads it again (after a +1, whose answer is only a count).
 */
export function useRequestDetail(requestId: string) {
  const loaded = useResult(() => call('requests', 'detail', { requestId }), requestId || null)
  const [fresh, setFresh] = useState<RequestDetail | null>(null)
  const reload = () => {
    setFresh(null)
    loaded.reload()
  }
  const request = fresh ?? (loaded.state === 'ready' ? loaded.data : null)
  return { loaded, request, replace: setFresh, reload }
}
