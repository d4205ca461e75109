import { act, renderHook, waitFor } from '@testing-library/react'
import { usePaged } from '@/hooks/use-paged'

type Page = { items: number[]; nextCursor: string | null }

describe('usePaged', () => {
  test('two asks for more in one tick (a scroll and the end reached) fetch the next page once', async () => {
    const pages: Record<string, Page> = { first: { items: [1, 2], nextCursor: 'c2' }, c2: { items: [3, 4], nextCursor: null } }
    const run = jest.fn(async (cursor?: string) => ({ ok: true as const, data: pages[cursor ?? 'first'] }))
    const { result } = renderHook(() => usePaged(run, 'list'))
    await waitFor(() => expect(result.current.paged.state).toBe('ready'))
    act(() => {
      result.current.loadMore()
      result.current.loadMore()
    })
    await waitFor(() => expect(result.current.paged).toMatchObject({ state: 'ready', items: [1, 2, 3, 4], more: 'idle' }))
    expect(run.mock.calls).toEqual([[], ['c2']])
  })

  test('after a failed page, asking again fetches it again', async () => {
    let fail = true
    const run = jest.fn(async (cursor?: string) => {
      if (cursor === undefined) return { ok: true as const, data: { items: [1], nextCursor: 'c2' } }
      return fail ? { ok: false as const, code: 'INTERNAL' as const, message: '' } : { ok: true as const, data: { items: [2], nextCursor: null } }
    })
    const { result } = renderHook(() => usePaged(run, 'list'))
    await waitFor(() => expect(result.current.paged.state).toBe('ready'))
    act(() => result.current.loadMore())
    await waitFor(() => expect(result.current.paged).toMatchObject({ more: 'INTERNAL' }))
    fail = false
    act(() => result.current.loadMore())
    await waitFor(() => expect(result.current.paged).toMatchObject({ items: [1, 2], more: 'idle' }))
  })
})
