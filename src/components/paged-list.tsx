import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Paged } from '@/hooks/use-paged'
import { ActionButton } from './action-button'
import { Empty, Failed, Loading } from './status-views'

type Props<T> = { paged: Paged<T>; reload: () => void; loadMore: () => void; empty: string; idOf: (item: T) => string; render: (item: T) => ReactNode }

/** Loading, failure, emptiness and "more" said the same way on every list. */
export function PagedList<T>({ paged, reload, loadMore, empty, idOf, render }: Props<T>) {
  if (paged.state === 'loading') return <Loading />
  if (paged.state === 'failed') return <Failed code={paged.code} onRetry={reload} />
  if (paged.items.length === 0) return <Empty>{empty}</Empty>
  return (
    <View className="list">
      {paged.items.map((item) => (
        <View key={idOf(item)}>{render(item)}</View>
      ))}
      <MoreOfList paged={paged} loadMore={loadMore} />
    </View>
  )
}

/** The end of a list with more to come: why the last page failed, and 再看更多 while there is more. */
export function MoreOfList<T>({ paged, loadMore }: { paged: Extract<Paged<T>, { state: 'ready' }>; loadMore: () => void }) {
  return (
    <>
      {paged.more !== 'idle' && paged.more !== 'loading' && <Failed code={paged.more} />}
      {paged.nextCursor && (
        <ActionButton busy={paged.more === 'loading'} onClick={loadMore}>
          {paged.more === 'loading' ? '正在加载…' : '再看更多'}
        </ActionButton>
      )}
    </>
  )
}
