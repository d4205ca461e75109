import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { TabBarSpace } from '@/components/tab-bar-space'
import { PagedList } from '@/components/paged-list'
import { useNow } from '@/hooks/use-now'
import { usePaged } from '@/hooks/use-paged'
import { usePullToReload } from '@/hooks/use-pull-to-reload'
import { useSelectedTab } from '@/hooks/use-selected-tab'
import { callUnchecked } from '@/services/call-unchecked'
import type { MessageView } from '@/types'
import { messagePage } from '@/types/message-page'
import { relativeLine } from '@/types/calendar'
import { MessageTodoLine } from '@/features/messages/message-todo-line'
import { useMarkShownRead } from '@/features/messages/use-mark-shown-read'

/** Where a tap on a message goes: the same page its WeChat subscribe message opens (messagePage). */
const detailUrl = (message: MessageView) => {
  const page = messagePage(message)
  return page && `/${page}`
}

/**
 * 消息: every notification the server wrote for me, newest first; the same in WeChat and the browser.
 * What is new stays marked 未读 while this visit lasts, so the person sees which ones came in; the
 * server has them read from the moment they were shown, and the tab's badge drops at once.
 */
export default function MessagesPage() {
  useSelectedTab()
  const now = useNow()
  const list = usePaged((cursor) => callUnchecked('requests', 'myMessages', { limit: 20, ...(cursor ? { cursor } : {}) }), null)
  useDidShow(() => list.reload())
  usePullToReload(list.reload)
  useMarkShownRead(list.paged)
  return (
    <PageShell>
      <PagedList
        {...list}
        empty="还没有消息。您提交的事有进展时，会在这里告诉您。"
        idOf={(message) => message._id}
        render={(message) => (
          <View className={`card message${message.unread ? ' message--unread' : ''}`} role="button" onClick={() => {
              const url = detailUrl(message)
              if (url) void Taro.navigateTo({ url })
            }}>
            <View className="message__head">
              {message.unread && <Text className="message__new">未读</Text>}
              <Text className="card__title">{message.title}</Text>
            </View>
            <Text className="card__line">{message.body}</Text>
            <Text className="card__line message__when">{relativeLine(message.at, now)}</Text>
            {message.delivery === 'sent' && <Text className="card__line message__pushed">已推送到微信</Text>}
            {message.todo && <MessageTodoLine todo={message.todo} />}
          </View>
        )}
      />
      <TabBarSpace />
    </PageShell>
  )
}
