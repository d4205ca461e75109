import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { BigEntry } from '@/components/big-entry'
import { Notice } from '@/components/status-views'
import { call } from '@/services/call'
import type { ProposalView } from '@/types'
import { proposalUrl, topicUrl } from './council-urls'
import { ProposalCard } from './proposal-card'
import { StaffReasonForm } from './staff-reason-form'
import { emptyDraft } from './staff-terms-draft'
import { StaffTopicForm } from './staff-topic-form'

type Props = { proposal: ProposalView; onDecided: (proposal: ProposalView) => void }

/**
 * One proposal before the committee: accept it as a topic (its terms given here, its scope the
 * proposal's) or decline it with a reason everyone reads. The server says which it may do.
 */
export function ProposalDecision({ proposal, onDecided }: Props) {
  const [open, setOpen] = useState<'accept' | 'decline' | null>(null)
  const [initial] = useState(() => emptyDraft(Date.now(), { title: [...proposal.title].slice(0, 60).join(''), background: proposal.background }))
  const toggle = (which: 'accept' | 'decline') => setOpen(open === which ? null : which)
  const done = (decided: ProposalView) => {
    setOpen(null)
    onDecided(decided)
  }
  return (
    <View className="council-decision">
      <ProposalCard proposal={proposal} onOpen={() => void Taro.navigateTo({ url: proposalUrl(proposal._id) })} />
      {proposal.availableActions.includes('accept') && (
        <ActionButton tone={open === 'accept' ? 'primary' : 'ok'} onClick={() => toggle('accept')}>
          {open === 'accept' ? '采纳为议题（收起）' : '采纳为议题'}
        </ActionButton>
      )}
      {open === 'accept' && (
        <>
          <Notice tone="info" title={`范围按提议：${proposal.scopeLabel}`}>
            <Text>下面先数一数这个范围现在有多少户（人）可以投票，数好了才能采纳。</Text>
          </Notice>
          {/* Counted like the open page's scope (issue 8: "the electorate counted before opening"), for the proposal's own scope. */}
          <StaffTopicForm
            initial={initial}
            scope={proposal.scope}
            button="采纳，发起议题"
            send={(topic) => call('council', 'decideProposal', { proposalId: proposal._id, decision: 'accept', topic })}
            onDone={done}
          />
        </>
      )}
      {proposal.availableActions.includes('decline') && (
        <ActionButton tone={open === 'decline' ? 'primary' : 'plain'} onClick={() => toggle('decline')}>
          {open === 'decline' ? '不采纳（收起）' : '不采纳'}
        </ActionButton>
      )}
      {open === 'decline' && (
        <StaffReasonForm
          intro="原因会写在提议上，所有居民都能看到，联署的居民也会收到通知。"
          label="不采纳的原因（所有人都能看到）"
          placeholder="例如：这件事物业已经答应下个月办"
          button="确认不采纳"
          run={(reason) => call('council', 'decideProposal', { proposalId: proposal._id, decision: 'decline', reason })}
          onDone={done}
        />
      )}
    </View>
  )
}

/** What became of a proposal just decided, in place of its forms. */
export function DecidedProposal({ proposal }: { proposal: ProposalView }) {
  if (proposal.topicId) {
    const topicId = proposal.topicId
    return (
      <View className="council-decision">
        <Notice tone="ok" title={`已采纳：${proposal.title}`}>
          <Text>已经成为议题，联署的居民会收到通知。</Text>
        </Notice>
        <BigEntry title="看这个议题" note="讨论、投票和落实都在议题页" onClick={() => void Taro.navigateTo({ url: topicUrl(topicId) })} />
      </View>
    )
  }
  return (
    <Notice tone="info" title={`已不采纳：${proposal.title}`}>
      <Text>{`原因：${proposal.reason ?? ''}`}</Text>
    </Notice>
  )
}
