import { View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import type { ReactNode } from 'react'
import type { Paged } from '@/hooks/use-paged'
import { useWindowedRows } from '@/hooks/use-windowed-rows'
import { MoreOfList } from './paged-list'
import { Empty, Failed, Loading } from './status-views'

type Props<T> = {
  paged: Paged<T>
  reload: () => void
  loadMore: () => void
  empty: string
  idOf: (item: T) => string
  render: (item: T) => ReactNode
  /** The class that gives every row the same height (the rows are placed by their number). */
  rowClassName: string
  listId: string
}

/**
 * PagedList for long work lists: only the rows near the screen are in the page, so a thousand items
 * render and scroll as lightly as twenty. The next page comes as the worker reaches the bottom, and
 * 再看更多 stays for whoever prefers to tap.
 */
export function WindowedList<T>(props: Props<T>) {
  const { paged, reload, empty } = props
  if (paged.state === 'loading') return <Loading />
  if (paged.state === 'failed') return <Failed code={paged.code} onRetry={reload} />
  if (paged.items.length === 0) return <Empty>{empty}</Empty>
  return <Rows {...props} paged={paged} />
}

function Rows<T>({ paged, loadMore, idOf, render, rowClassName, listId }: Props<T> & { paged: Extract<Paged<T>, { state: 'ready' }> }) {
  const rows = useWindowedRows(paged.items.length, listId)
  useReachBottom(() => {
    if (paged.more === 'idle') loadMore()
  })
  return (
    <View className="windowed-list" id={listId}>
      {rows.before > 0 && <View style={{ height: `${rows.before}px` }} />}
      {paged.items.slice(rows.start, rows.end).map((item) => (
        <View key={idOf(item)} className={`windowed-row ${rowClassName}`}>
          {render(item)}
        </View>
      ))}
      {rows.after > 0 && <View style={{ height: `${rows.after}px` }} />}
      <MoreOfList paged={paged} loadMore={loadMore} />
    </View>
  )
}
