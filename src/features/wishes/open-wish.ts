import Taro from '@tarojs/taro'
import { askAtTap, followKinds } from '@/services/subscribe'
import type { WishStatus } from '@/types'

/** Wishes nothing more will happen to. */
const finished: ReadonlySet<WishStatus> = new Set(['realised', 'returned', 'withdrawn', 'converted', 'expired'])

export const wishUrl = (wishId: string): string => `/pages-wish/detail/index?id=${encodeURIComponent(wishId)}`

/**
 * Opens one wish's page. A wisher opening an unfinished one is tapping to hear how it goes on (a
 * claim, the fulfilment to confirm), so that tap asks for those notices, as opening a request does.
 */
export function openWish(wish: { _id: string; status: WishStatus }, { asWisher = false } = {}): void {
  if (asWisher && !finished.has(wish.status)) void askAtTap(followKinds)
  void Taro.navigateTo({ url: wishUrl(wish._id) })
}
