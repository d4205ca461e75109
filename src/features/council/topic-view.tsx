import Taro from '@tarojs/taro'
import type { MyBallot, TopicDetail } from '@/types'
import { BallotSection } from './ballot-section'
import { CommentSection } from './comment-section'
import { FollowTimeline } from './follow-timeline'
import { MinutesList } from './minutes-list'
import { ProofView } from './proof-view'
import { ResultView } from './result-view'
import { TopicHead } from './topic-head'
import { TopicStaffActions } from './topic-staff-actions'
import { TopicTerms } from './topic-terms'
import { isDecided } from './topic-words'

type Props = { topic: TopicDetail; onChange: (topic: TopicDetail) => void; onVoted: () => void }

/**
 * One topic for whoever looks, in the order a resident needs it: what it is about, how it is
 * decided, the result once there is one, my ballot, the proof, what was done, the 议事会's minutes, the committee's steps
 * (the server says which), and the discussion. A result shows only in a status that may carry one:
 * while the window is open nothing on this page counts per option (issue 8 Sealed).
 */
export function TopicView({ topic, onChange, onVoted }: Props) {
  const result = isDecided(topic.status) ? topic.result : null
  const voted = (ballot: MyBallot) => {
    onChange({ ...topic, myBallot: ballot })
    onVoted()
    void Taro.showToast({ title: topic.myBallot.options ? '已改好' : '投票成功', icon: 'none' })
  }
  return (
    <>
      <TopicHead topic={topic} />
      <TopicTerms topic={topic} />
      {result && <ResultView topic={topic} result={result} />}
      <BallotSection topic={topic} onVoted={voted} />
      {result && <ProofView topic={topic} result={result} />}
      <FollowTimeline updates={topic.updates} />
      <MinutesList minutes={topic.minutes} />
      <TopicStaffActions topic={topic} onChange={onChange} />
      <CommentSection topic={topic} />
    </>
  )
}
