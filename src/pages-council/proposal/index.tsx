import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { Failed, Loading } from '@/components/status-views'
import { proposalPage } from '@/features/council/council-urls'
import { ProposalDetail } from '@/features/council/proposal-detail'
import { useShareCard } from '@/features/council/use-share-card'
import { useDetail } from '@/hooks/use-detail'
import { usePullToReload } from '@/hooks/use-pull-to-reload'
import { call } from '@/services/call'
import { useSubscriptions } from '@/services/subscribe'
import '../../styles/council.scss'

/** One proposal's page for everyone: the proposer, a neighbour who may co-sign, anyone it was shared with. */
export default function CouncilProposalPage() {
  const { id = '' } = useRouter().params
  const { loaded, current: proposal, replace, reload } = useDetail(() => call('council', 'proposal', { proposalId: id }), id)
  // The templates the 联署 tap asks for, known before the tap.
  useSubscriptions()
  usePullToReload(reload)
  useShareCard(proposal?.title ?? null, proposalPage, id)
  return (
    <PageShell>
      {!id && <Failed code="NOT_FOUND" />}
      {id && !proposal && loaded.state === 'loading' && <Loading />}
      {id && !proposal && loaded.state === 'failed' && <Failed code={loaded.code} onRetry={reload} />}
      {proposal && <ProposalDetail proposal={proposal} onChange={replace} />}
    </PageShell>
  )
}
