import { useDidShow } from '@tarojs/taro'
import { refreshUnreadBadge } from '@/services/unread-badge'

/**
 * Each tab page shows the 消息 badge as the server counts it whenever it shows: on a tab switch, and
 * when the app comes back to the foreground (a page's onShow fires then too), so a message that
 * arrived meanwhile, or was read on another device, is counted right.
 */
export function useUnreadBadge(): void {
  useDidShow(() => void refreshUnreadBadge())
}
