import type { MessageView } from '@/types'
import { household, whoami } from '../component/support/fixtures'
import { requestDetail } from '../component/support/request-fixtures'
import { message } from './support/fixtures'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

/** The 消息 tab's index in app.json's tabBar.list. */
const MESSAGES_TAB = 1
/** The simulator scopes a page's classes (`main--message--unread`): match the app's class by its end. */
const UNREAD_CARD = '[class$="message--unread"], [class*="message--unread "]'
const newMessages: MessageView[] = [
  message({ _id: 'm-2', action: 'bindingDecided', requestId: undefined, page: 'pages-resident/bind/index', title: '住户绑定已通过', body: '康乐小区3号楼202室已绑定到您名下', unread: true }),
  message({ _id: 'm-1', action: 'reply', kind: 'replied', title: '诉求已答复，请评价', body: '电线已重新规整', unread: true, todo: { act: 'rate', state: 'waiting' } }),
  message({ _id: 'm-0', title: '诉求已接单', todo: undefined }),
]

test('the 消息 tab counts what is new; the page shows it 未读, marks it read, and the badge goes', async () => {
  weapp.answer({
    directory: { whoami: whoami({ household }) },
    requests: {
      unreadMessages: { unread: 2 },
      myMessages: { items: newMessages, nextCursor: null },
      markMessagesRead: { unread: 0 },
      detail: requestDetail(),
    },
  })
  await weapp.launch('/pages/home/index')
  await weapp.waitForCall('requests', 'unreadMessages')
  expect(await weapp.tabBar.badge(MESSAGES_TAB)).toBe('2')

  await weapp.callWx('switchTab', { url: '/pages/messages/index' })
  const messages = await weapp.page('pages/messages/index')
  await messages.find('住户绑定已通过')
  expect((await messages.find('住户绑定已通过')).closest(UNREAD_CARD)).not.toBeNull()
  expect((await messages.find('诉求已接单')).closest(UNREAD_CARD)).toBeNull()
  expect(messages.all('未读')).toHaveLength(2)
  expect(messages.has('去评价')).toBe(true)
  await weapp.waitForCall('requests', 'markMessagesRead')
  expect(weapp.cloudCalls('requests', 'markMessagesRead').map((call) => call.input)).toEqual([{ ids: ['m-2', 'm-1'] }])
  expect(await weapp.tabBar.badge(MESSAGES_TAB)).toBeNull()

  // 去评价 opens the request, where the rating is.
  await messages.tap('去评价')
  await weapp.page('pages/request/index')
})

test('rated, the message reads 已评价 and offers no button; read on another phone, no badge', async () => {
  weapp.answer({
    requests: {
      myMessages: { items: [message({ _id: 'm-1', action: 'reply', kind: 'replied', title: '诉求已答复，请评价', unread: false, todo: { act: 'rate', state: 'done' } })], nextCursor: null },
      unreadMessages: { unread: 0 },
    },
  })
  const messages = await weapp.launch('/pages/messages/index')
  await messages.find('✓ 已评价')
  expect(messages.has('去评价')).toBe(false)
  expect(messages.has('未读')).toBe(false)
  await weapp.waitForCall('requests', 'unreadMessages')
  expect(weapp.cloudCalls('requests', 'markMessagesRead')).toEqual([])
  expect(await weapp.tabBar.badge(MESSAGES_TAB)).toBeNull()
})

test('WeChat sets a tab badge only from a tab page', async () => {
  weapp.answer({ requests: { detail: requestDetail() } })
  await weapp.launch('/pages/request/index?id=rq-1')
  await expect(weapp.callWx('setTabBarBadge', { index: MESSAGES_TAB, text: '1' })).rejects.toEqual({ errMsg: 'setTabBarBadge:fail not TabBar page' })
  expect(await weapp.tabBar.badge(MESSAGES_TAB)).toBeNull()
})
