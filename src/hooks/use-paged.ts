import { useCallback, useEffect, useRef, useState } from 'react'
import type { ErrorCode, Result } from '@/types'

type Page<T> = { items: T[]; nextCursor: string | null }
export type Paged<T> =
  | { state: 'loading' }
  | { state: 'failed'; code: ErrorCode }
  | { state: 'ready'; items: T[]; nextCursor: string | null; more: 'idle' | 'loading' | ErrorCode }

/**
 * A cursor-paged list (the functions answer at most 50 items a call): the first page on `key` or
 * `reload`, the next on `loadMore`. Like useResult, only the latest run may write, so a reload during
 * a slow "more" never mixes two lists.
 */
export function usePaged<T>(run: (cursor?: string) => Promise<Result<Page<T>>>, key: string | null) {
  const [paged, setPaged] = useState<Paged<T>>({ state: 'loading' })
  const latest = useRef(0)
  // The cursor being fetched: `paged` is the last render's, so two triggers in one tick (a scroll and
  // an end-reached) would both see 'idle' and ask for the same page twice.
  const askingFor = useRef<string | null>(null)
  const runRef = useRef(run)
  runRef.current = run

  const reload = useCallback(() => {
    const ticket = ++latest.current
    askingFor.current = null
    setPaged({ state: 'loading' })
    void runRef.current().then((result) => {
      if (ticket !== latest.current) return
      setPaged(result.ok ? { state: 'ready', ...result.data, more: 'idle' } : { state: 'failed', code: result.code })
    })
  }, [])

  const loadMore = () => {
    if (paged.state !== 'ready' || !paged.nextCursor || paged.more === 'loading' || askingFor.current === paged.nextCursor) return
    const ticket = latest.current
    const before = paged
    const cursor = paged.nextCursor
    askingFor.current = cursor
    setPaged({ ...before, more: 'loading' })
    void runRef.current(cursor).then((result) => {
      if (ticket !== latest.current) return
      askingFor.current = null
      setPaged(result.ok ? { state: 'ready', items: [...before.items, ...result.data.items], nextCursor: result.data.nextCursor, more: 'idle' } : { ...before, more: result.code })
    })
  }

  useEffect(() => {
    if (key !== null) reload()
  }, [key, reload])
  return { paged, reload, loadMore }
}
