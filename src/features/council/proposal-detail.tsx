import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigEntry } from '@/components/big-entry'
import { Notice } from '@/components/status-views'
import { proposalStatusLabels } from '@/services/council-labels'
import type { ProposalView as Proposal } from '@/types'
import { dateTimeLine } from '@/types/calendar'
import { topicUrl } from './council-urls'
import { CosignButton } from './cosign-button'
import { SignatureProgress } from './signature-progress'
import { Term } from './term'
import { WithdrawProposal } from './withdraw-proposal'

/**
 * One proposal for whoever looks: what it asks and why, how far the co-signing got, and what came of
 * it — a decline's reason (everyone reads it, issue 8) or the topic it became. 联署 when the server
 * says I may (canSign); the proposer's 撤回 comes last, never the first thing a thumb lands on.
 */
export function ProposalDetail({ proposal, onChange }: { proposal: Proposal; onChange: (proposal: Proposal) => void }) {
  const can = (action: Proposal['availableActions'][number]) => proposal.availableActions.includes(action)
  return (
    <>
      <View className="card council-head">
        <Text className="council-head__title">{proposal.title}</Text>
        <Text className="council-head__status">{proposalStatusLabels[proposal.status]}</Text>
        {proposal.mine && <Text className="card__line">这是您发起的提议。</Text>}
        <Text className="council-text">{proposal.background}</Text>
        <Term name="范围">{proposal.scopeLabel}</Term>
        <Term name="发起时间">{dateTimeLine(proposal.createdAt)}</Term>
      </View>
      <View className="card">
        <SignatureProgress signatures={proposal.signatures} threshold={proposal.threshold} />
        {proposal.status === 'gathering' && <Text>{`${dateTimeLine(proposal.expiresAt)} 前凑够，就交给居委会决定。`}</Text>}
        {proposal.signedByMe && <Text className="council-card__voted">✓ 您家已经联署</Text>}
      </View>
      {proposal.status === 'declined' && (
        <Notice tone="warn" title="居委会没有采纳的原因">
          <Text>{proposal.reason ?? '居委会没有写原因。'}</Text>
        </Notice>
      )}
      {proposal.topicId && (
        <BigEntry tone="brand" title="看这个议题" note="提议已经变成大家商量、投票的议题" onClick={() => void Taro.navigateTo({ url: topicUrl(proposal.topicId ?? '') })} />
      )}
      {proposal.canSign && <CosignButton proposalId={proposal._id} onSigned={onChange} />}
      {can('withdraw') && <WithdrawProposal proposalId={proposal._id} onWithdrawn={onChange} />}
    </>
  )
}
