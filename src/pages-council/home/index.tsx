import Taro, { useDidShow } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { useRef, useState } from 'react'
import { BigEntry } from '@/components/big-entry'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/paged-list'
import { CouncilTabs, type CouncilTab } from '@/features/council/council-tabs'
import { proposalUrl, topicUrl } from '@/features/council/council-urls'
import { ProposalCard } from '@/features/council/proposal-card'
import { TopicCard } from '@/features/council/topic-card'
import { usePaged } from '@/hooks/use-paged'
import { usePullToReload } from '@/hooks/use-pull-to-reload'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import '../../styles/council.scss'

const intro: Record<CouncilTab, string> = {
  open: '正在讨论和正在投票的事。点开看清楚再投，截止前还能改。',
  decided: '已经投完票的事：结果怎样，办到哪一步了。',
  gathering: '居民发起的提议，联署的邻居够了，就交居委会决定要不要大家投票。',
}

const empty: Record<CouncilTab, string> = {
  open: '现在没有正在商量的事。',
  decided: '还没有已经决定的事。',
  gathering: '现在没有正在征集联署的提议。',
}

const go = (url: string) => void Taro.navigateTo({ url })

/**
 * 邻里议事厅: what is being decided in my place (with my ballot and the deadline), what was decided
 * and how it is going, and the residents' proposals gathering co-signers. Proposing is for verified
 * residents (whoami): a failed look only leaves that entry out; the server decides anyway.
 */
export default function CouncilHomePage() {
  const [tab, setTab] = useState<CouncilTab>('open')
  // Read by the lists' runs, which may start before React renders the new tab.
  const tabRef = useRef(tab)
  const me = useResult(() => call('directory', 'whoami', {}), null)
  const topics = usePaged((cursor) => call('council', 'listTopics', { view: tabRef.current === 'decided' ? 'decided' : 'open', limit: 20, ...(cursor ? { cursor } : {}) }), null)
  const proposals = usePaged((cursor) => call('council', 'listProposals', { view: 'gathering', limit: 20, ...(cursor ? { cursor } : {}) }), null)
  const load = () => (tabRef.current === 'gathering' ? proposals.reload() : topics.reload())
  // Back from a topic just voted on or a proposal just signed, the list shows it.
  useDidShow(() => {
    me.reload()
    load()
  })
  usePullToReload(load)
  const choose = (next: CouncilTab) => {
    if (next === tabRef.current) return
    tabRef.current = next
    setTab(next)
    load()
  }
  const mayPropose = me.state === 'ready' && me.data.roles.includes('verifiedResident') && me.data.household !== null

  return (
    <PageShell>
      <CouncilTabs value={tab} onChange={choose} />
      <Text className="section__note">{intro[tab]}</Text>
      {tab === 'gathering' && mayPropose && (
        <BigEntry tone="brand" title="我要提议" note="有想和邻居一起商量的事，发起一个提议" onClick={() => go('/pages-council/propose/index')} />
      )}
      {tab === 'gathering' ? (
        <PagedList {...proposals} empty={empty.gathering} idOf={(p) => p._id} render={(p) => <ProposalCard proposal={p} onOpen={() => go(proposalUrl(p._id))} />} />
      ) : (
        <PagedList {...topics} empty={empty[tab]} idOf={(t) => t._id} render={(t) => <TopicCard topic={t} onOpen={() => go(topicUrl(t._id))} />} />
      )}
    </PageShell>
  )
}
