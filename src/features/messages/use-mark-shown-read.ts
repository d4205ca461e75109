import { useEffect, useRef } from 'react'
import type { Paged } from '@/hooks/use-paged'
import { callUnchecked } from '@/services/call-unchecked'
import { refreshUnreadBadge, showUnread } from '@/services/unread-badge'
import type { MessageView } from '@/types'

/** markMessagesRead takes at most this many ids a call (types/request.actions.ts). */
const MOST_A_CALL = 50

/**
 * A message is read once the 消息 page has shown it: each page of messages that arrives marks its
 * unread ones read on the server (so every device agrees), and the tab's badge takes the count left.
 * A page with nothing new still sets the badge, which another device may have changed.
 */
export function useMarkShownRead(paged: Paged<MessageView>): void {
  const marked = useRef(new Set<string>())
  const items = paged.state === 'ready' ? paged.items : null
  useEffect(() => {
    if (!items) return
    const shown = items.filter((message) => message.unread && !marked.current.has(message._id)).map((message) => message._id)
    if (shown.length === 0) {
      void refreshUnreadBadge()
      return
    }
    for (const id of shown) marked.current.add(id)
    void (async () => {
      for (let i = 0; i < shown.length; i += MOST_A_CALL) {
        const answer = await callUnchecked('requests', 'markMessagesRead', { ids: shown.slice(i, i + MOST_A_CALL) })
        if (!answer.ok) {
          // Not marked: the next time the page shows, they are tried again.
          for (const id of shown.slice(i)) marked.current.delete(id)
          return
        }
        showUnread(answer.data.unread)
      }
    })()
  }, [items])
}
