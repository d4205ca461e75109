import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { Notice } from '@/components/status-views'
import { optionLabel } from '@/services/council-labels'
import type { MyBallot, TopicDetail } from '@/types'
import { dateTimeLine } from '@/types/calendar'
import { deadlineLine, isDecided } from './topic-words'
import { VoteForm } from './vote-form'

/**
 * My ballot, the page's one main action while voting: the form if my unit has not voted; what it
 * chose and that it can be changed until the close if it has (the latest counts, issue 8); why I may
 * not vote, as the server says it, if I may not. Choices are only ever my own unit's.
 */
export function BallotSection({ topic, onVoted }: { topic: TopicDetail; onVoted: (ballot: MyBallot) => void }) {
  const [changing, setChanging] = useState(false)
  const ballot = topic.myBallot
  const who = topic.unit === 'household' ? '您家' : '您'
  const chosen = (ballot.options ?? []).map((key) => optionLabel(topic.options, key)).join('、')
  const voted = (next: MyBallot) => {
    setChanging(false)
    onVoted(next)
  }

  if (topic.status === 'cancelled') return null
  if (!ballot.eligible) {
    return (
      <Notice tone="info" title="这次您不能投票">
        <Text>{ballot.reason ?? '您不在这次投票的范围里。'}</Text>
        {(topic.status === 'voting' || topic.status === 'deliberating') && <Text>您可以在下面留言，说说您的看法。</Text>}
      </Notice>
    )
  }
  if (topic.status === 'deliberating') {
    return (
      <Notice tone="info" title="还没开始投票">
        <Text>{`${dateTimeLine(topic.opensAt)} 开始投票，到时候在这里投。现在可以先在下面留言。`}</Text>
      </Notice>
    )
  }
  if (isDecided(topic.status)) {
    return (
      <Notice tone="info" title={ballot.options ? `${who}投的是：${chosen}` : `${who}这次没有投票`}>
        {ballot.castAt !== null && <Text>{`${who}是 ${dateTimeLine(ballot.castAt)} 投的`}</Text>}
      </Notice>
    )
  }
  if (ballot.options && !changing) {
    return (
      <View className="section">
        <Notice tone="ok" title={`${who}已投票：${chosen}`}>
          {ballot.castAt !== null && <Text>{`${who}是 ${dateTimeLine(ballot.castAt)} 投的`}</Text>}
          <Text>{`${deadlineLine(topic.closesAt)} 截止前还可以改，以最后一次为准。${topic.unit === 'household' ? '家里谁来改都算这一票。' : ''}`}</Text>
        </Notice>
        <ActionButton onClick={() => setChanging(true)}>改投</ActionButton>
      </View>
    )
  }
  return (
    <View className="section">
      <Text className="section__title">{`${who}的投票`}</Text>
      <Text className="section__note">{topic.unit === 'household' ? '每户一票，家里任何一位认证成员投都算，截止前可以改。' : '每人一票，截止前可以改。'}</Text>
      <VoteForm topic={topic} initial={ballot.options ?? []} button={changing ? '改成这个' : '投票'} onVoted={voted} onCancel={changing ? () => setChanging(false) : undefined} />
    </View>
  )
}
