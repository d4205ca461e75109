import { Text, View } from '@tarojs/components'
import { proposalStatusLabels } from '@/services/council-labels'
import type { ProposalView } from '@/types'
import { dateTimeLine } from '@/types/calendar'
import { SignatureProgress } from './signature-progress'

/** One proposal in a list: what it asks, how many have signed of how many it needs, and by when. */
export function ProposalCard({ proposal, onOpen }: { proposal: ProposalView; onOpen: () => void }) {
  const tags = [proposal.mine ? '我发起的' : '', proposal.signedByMe && !proposal.mine ? '✓ 我已联署' : ''].filter(Boolean)
  return (
    <View className="card council-card" role="button" onClick={onOpen}>
      <Text className="card__title">{proposal.title}</Text>
      <Text className="council-card__status">{proposalStatusLabels[proposal.status]}</Text>
      <Text className="card__line council-card__scope">{`范围：${proposal.scopeLabel}`}</Text>
      <SignatureProgress signatures={proposal.signatures} threshold={proposal.threshold} />
      {proposal.status === 'gathering' && <Text className="card__line council-card__due">{`${dateTimeLine(proposal.expiresAt)} 前凑够`}</Text>}
      {tags.length > 0 && <Text className="card__line council-card__voted">{tags.join(' · ')}</Text>}
    </View>
  )
}
