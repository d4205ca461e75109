import Taro from '@tarojs/taro'
import { call } from './call'

/** The 消息 tab's place in app.config.ts tabBar.list. */
const MESSAGES_TAB = 1
/** WeChat shows a tab badge's text in a small circle; past two digits it reads 99+. */
const MOST_SHOWN = 99

/**
 * The number on the 消息 tab, gone at zero. WeChat answers `fail not TabBar page` on a page that is
 * not a tab, and Taro's H5 tab bar answers only once it is drawn: neither is worth a word to the
 * resident, and the next tab page's show sets it again.
 */
export function showUnread(unread: number): void {
  const set = unread > 0
    ? Taro.setTabBarBadge({ index: MESSAGES_TAB, text: unread > MOST_SHOWN ? `${MOST_SHOWN}+` : String(unread) })
    : Taro.removeTabBarBadge({ index: MESSAGES_TAB })
  void Promise.resolve(set).catch(() => undefined)
}

/** Asks how many messages wait unread and shows it; a signed-out person has none to show. */
export async function refreshUnreadBadge(): Promise<void> {
  const answer = await call('requests', 'unreadMessages', {})
  if (answer.ok) showUnread(answer.data.unread)
  else if (answer.code === 'UNAUTHENTICATED') showUnread(0)
}
