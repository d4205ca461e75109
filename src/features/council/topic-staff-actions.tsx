import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState, type ComponentType } from 'react'
import { ActionButton } from '@/components/action-button'
import type { TopicAction, TopicDetail } from '@/types'
import { CancelTopicForm, CloseTopicForm, FinishForm, MinutesForm, PostUpdateForm, type TopicFormProps } from './staff-topic-forms'
import { VotedUnits } from './staff-voted-units'
import '../../styles/council-staff.scss'

type Entry = { action: TopicAction; title: string; tone: 'primary' | 'ok' | 'danger' | 'plain'; done: string; Form: ComponentType<TopicFormProps> }

/** The committee's steps on a topic, in the order one meets them; the server says which show (availableActions). */
const entries: Entry[] = [
  { action: 'close', title: '结束投票', tone: 'primary', done: '投票已结束，已计票', Form: CloseTopicForm },
  { action: 'addMinutes', title: '添加议事会纪要', tone: 'plain', done: '纪要已添加', Form: MinutesForm },
  { action: 'postUpdate', title: '发布进展', tone: 'primary', done: '进展已发布', Form: PostUpdateForm },
  { action: 'finish', title: '标记办完', tone: 'ok', done: '已标记办完', Form: FinishForm },
  { action: 'cancel', title: '取消议题', tone: 'plain', done: '议题已取消', Form: CancelTopicForm },
]

type Props = { topic: TopicDetail; onChange: (topic: TopicDetail) => void }

/**
 * The staff side of a topic page: the buttons the server offers this caller now and nothing else,
 * each opening its form under it; and, for the committee once the result is stored, which units voted.
 */
export function TopicStaffActions({ topic, onChange }: Props) {
  const [open, setOpen] = useState<TopicAction | null>(null)
  const offered = entries.filter((entry) => topic.availableActions.includes(entry.action))
  const showVoted = topic.result !== null && topic.relations.includes('committee')
  if (offered.length === 0 && !showVoted) return null
  const done = (entry: Entry) => (next: TopicDetail) => {
    setOpen(null)
    onChange(next)
    void Taro.showToast({ title: entry.done, icon: 'none' })
  }
  return (
    <View className="section council-staff">
      <Text className="section__title">居委会操作</Text>
      {offered.map((entry) => (
        <View key={entry.action} className="actions">
          <ActionButton tone={open === entry.action ? 'primary' : entry.tone} onClick={() => setOpen(open === entry.action ? null : entry.action)}>
            {open === entry.action ? `${entry.title}（收起）` : entry.title}
          </ActionButton>
          {open === entry.action && <entry.Form topic={topic} onDone={done(entry)} />}
        </View>
      ))}
      {showVoted && <VotedUnits topicId={topic._id} />}
    </View>
  )
}
