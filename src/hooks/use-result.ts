import { useCallback, useEffect, useRef, useState } from 'react'
import type { ErrorCode, Result } from '@/types'

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; code: ErrorCode }

/**
 * Runs a call when `key` changes (and on `reload`), keeping only the answer of the latest run so a
 * slow earlier answer never overwrites a newer one. A null key waits for `reload`: pages that refresh
 * on every show (useDidShow) would otherwise call twice on the first one.
 */
export function useResult<T>(run: () => Promise<Result<T>>, key: string | null): Loaded<T> & { reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' })
  const latest = useRef(0)
  const runRef = useRef(run)
  runRef.current = run

  const reload = useCallback(() => {
    const ticket = ++latest.current
    setLoaded({ state: 'loading' })
    void runRef.current().then((result) => {
      if (ticket !== latest.current) return
      setLoaded(result.ok ? { state: 'ready', data: result.data } : { state: 'failed', code: result.code })
    })
  }, [])

  useEffect(() => {
    if (key !== null) reload()
  }, [key, reload])
  return { ...loaded, reload }
}
