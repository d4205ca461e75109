import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'

const WALL_PAGE = '/pages-wish/wall/index'

/**
 * The wall's share card (issue 8 Share): it opens the same community's wall for whoever taps it,
 * not the tapper's own, so the card carries the community's id. The page config turns both on.
 */
export function useWallShare(communityName: string | null, communityId: string | null) {
  const title = communityName ? `${communityName}的心愿墙：党员帮邻居实现的心愿` : '心愿墙：党员帮邻居实现的心愿'
  const query = communityId ? `communityId=${encodeURIComponent(communityId)}` : ''
  useShareAppMessage(() => ({ title, path: query ? `${WALL_PAGE}?${query}` : WALL_PAGE }))
  useShareTimeline(() => ({ title, query }))
}
