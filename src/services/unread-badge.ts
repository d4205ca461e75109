import { callUnchecked } from './call-unchecked'
import { showTabBadge } from './tab-badge'
import { MESSAGES_TAB } from './tabs'

/** WeChat shows a tab badge's text in a small circle; past two digits it reads 99+. */
const MOST_SHOWN = 99

/** The number on the 消息 tab, gone at zero. */
export function showUnread(unread: number): void {
  showTabBadge(MESSAGES_TAB, unread > 0 ? (unread > MOST_SHOWN ? `${MOST_SHOWN}+` : String(unread)) : null)
}

/** Asks how many messages wait unread and shows it; a signed-out person has none to show. */
export async function refreshUnreadBadge(): Promise<void> {
  const answer = await callUnchecked('requests', 'unreadMessages', {})
  if (answer.ok) showUnread(answer.data.unread)
  else if (answer.code === 'UNAUTHENTICATED') showUnread(0)
}
