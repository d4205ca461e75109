import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { useState } from 'react'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/paged-list'
import { Notice } from '@/components/status-views'
import { DecidedProposal, ProposalDecision } from '@/features/council/staff-proposal-decision'
import { usePaged } from '@/hooks/use-paged'
import { usePullToReload } from '@/hooks/use-pull-to-reload'
import { call } from '@/services/call'
import type { ProposalView } from '@/types'
import '../../styles/council-staff.scss'

/** Resident proposals that gathered enough co-signers, waiting for the committee to accept or decline. */
export default function DecideProposalsPage() {
  const list = usePaged((cursor) => call('council', 'listProposals', { view: 'toDecide', limit: 20, ...(cursor ? { cursor } : {}) }), 'toDecide')
  // Decided here: shown as decided until the next reload takes them off the list.
  const [decided, setDecided] = useState<Record<string, ProposalView>>({})
  const reload = () => {
    setDecided({})
    list.reload()
  }
  usePullToReload(reload)
  const onDecided = (proposal: ProposalView) => {
    setDecided((all) => ({ ...all, [proposal._id]: proposal }))
    void Taro.showToast({ title: proposal.topicId ? '已采纳为议题' : '已不采纳', icon: 'none' })
  }

  if (list.paged.state === 'failed' && list.paged.code === 'FORBIDDEN') {
    return (
      <PageShell>
        <Notice tone="info" title="这里是居委会的页面">联署够了的提议由社区居委会决定采纳还是不采纳。</Notice>
      </PageShell>
    )
  }
  return (
    <PageShell>
      <Text className="section__note">这些提议已经有足够的居民联署。采纳就发起议题；不采纳要写原因，所有居民都能看到。</Text>
      <PagedList
        {...list}
        reload={reload}
        empty="没有等待决定的提议。"
        idOf={(proposal) => proposal._id}
        render={(proposal) =>
          decided[proposal._id] ? <DecidedProposal proposal={decided[proposal._id]} /> : <ProposalDecision proposal={proposal} onDecided={onDecided} />
        }
      />
    </PageShell>
  )
}
