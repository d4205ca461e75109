import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'

/**
 * The share card of a topic or a proposal (issue 8 Share): a neighbour's tap on it opens the same
 * page. The page config turns both on (enableShareAppMessage, enableShareTimeline); a timeline card
 * carries only the query, its page being the one shared.
 */
export function useShareCard(title: string | null, page: string, id: string) {
  const words = title ?? '邻里议事厅'
  useShareAppMessage(() => ({ title: words, path: `${page}?id=${encodeURIComponent(id)}` }))
  useShareTimeline(() => ({ title: words, query: `id=${encodeURIComponent(id)}` }))
}
