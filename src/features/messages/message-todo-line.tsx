import { Text, View } from '@tarojs/components'
import type { MessageTodo } from '@/types'

const words: Record<MessageTodo['act'], { waiting: string; done: string }> = {
  rate: { waiting: '去评价', done: '已评价' },
  confirm: { waiting: '去确认', done: '已确认' },
  // Staff's 待审核: decided by anyone with the right, it is no longer this reader's to do.
  review: { waiting: '去审核', done: '已处理' },
}

/**
 * What a message still asks, as its item stands now (requests.myMessages answers it): a button while
 * it waits — the whole card opens the page where it is done — 已评价 once done, nothing once moot.
 */
export function MessageTodoLine({ todo }: { todo: MessageTodo }) {
  if (todo.state === 'waiting') return <View className="message__cta">{words[todo.act].waiting}</View>
  if (todo.state === 'done') return <Text className="message__done">✓ {words[todo.act].done}</Text>
  return null
}
