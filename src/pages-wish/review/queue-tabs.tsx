import { Text, View } from '@tarojs/components'
import { Tabs } from '@/components/tabs'
import type { ActionInput } from '@/types'

export type Queue = ActionInput<'wishes', 'listForReview'>['queue']

/** The reviewers' three queues as the server keeps them (wishes.listForReview), and what each is for. */
export const queues: { queue: Queue; title: string; note: string; empty: string }[] = [
  { queue: 'review', title: '待核实', note: '核实后发布，或退回、转为诉求办理。标了“请留意核实”的，先看居民近期的心愿。', empty: '没有等待核实的心愿。' },
  {
    queue: 'confirm',
    title: '待确认',
    note: '党员已完成、居民还没确认的心愿。居民不常用手机的，走访或打电话后可在详情里代为确认。',
    empty: '没有等待居民确认的心愿。',
  },
  { queue: 'open', title: '进行中', note: '已发布、等待认领或已被认领的心愿。', empty: '没有进行中的心愿。' },
]

export function QueueTabs({ value, onChange }: { value: Queue; onChange: (queue: Queue) => void }) {
  const note = queues.find((q) => q.queue === value)?.note
  return (
    <View className="section">
      <Tabs tabs={queues.map(({ queue, title }) => ({ id: queue, title }))} value={value} onChange={onChange} />
      {note && <Text className="wish-queue__note">{note}</Text>}
    </View>
  )
}
