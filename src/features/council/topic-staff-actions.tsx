import type { ComponentType } from 'react'
import { ActionPanel, type PanelEntry } from '@/components/action-panel'
import type { TopicAction, TopicDetail } from '@/types'
import { CancelTopicForm, CloseTopicForm, FinishForm, MinutesForm, PostUpdateForm, type TopicFormProps } from './staff-topic-forms'
import { VotedUnits } from './staff-voted-units'
import '../../styles/council-staff.scss'

type Entry = PanelEntry<TopicAction> & { Form: ComponentType<TopicFormProps> }

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
  const offered = entries.filter((entry) => topic.availableActions.includes(entry.action))
  const showVoted = topic.result !== null && topic.relations.includes('committee')
  if (offered.length === 0 && !showVoted) return null
  return (
    <ActionPanel title="居委会操作" className="section council-staff" entries={offered} onChange={onChange} form={(entry, onDone) => <entry.Form topic={topic} onDone={onDone} />}>
      {showVoted && <VotedUnits topicId={topic._id} />}
    </ActionPanel>
  )
}
