import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { useState } from 'react'
import { BigEntry } from '@/components/big-entry'
import { PageShell } from '@/components/page-shell'
import { Failed, Loading, Notice } from '@/components/status-views'
import { ProposalPosted } from '@/features/council/proposal-posted'
import { ProposeForm } from '@/features/council/propose-form'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import { useSubscriptions } from '@/services/subscribe'
import { GATHERING_DAYS, type ProposalView } from '@/types'
import '../../styles/council.scss'

/**
 * 我要提议: a verified resident proposes something for their community, grid or building; co-signers
 * gather for 14 days. Anyone else is told what it takes (a verified household) and where to get it.
 */
export default function ProposePage() {
  const me = useResult(() => call('directory', 'whoami', {}), 'me')
  // The templates the submit tap will ask for, known before the tap.
  useSubscriptions()
  const [posted, setPosted] = useState<ProposalView | null>(null)
  const household = me.state === 'ready' && me.data.roles.includes('verifiedResident') ? me.data.household : null

  return (
    <PageShell>
      {me.state === 'loading' && <Loading />}
      {me.state === 'failed' && <Failed code={me.code} onRetry={me.reload} />}
      {me.state === 'ready' && !household && (
        <>
          <Notice tone="info" title="绑定您家后才能发起提议">
            <Text>提议要由这里的认证居民发起。绑定您家、居委会确认后，就能发起提议、联署和投票。</Text>
          </Notice>
          <BigEntry title="绑定我家" onClick={() => void Taro.navigateTo({ url: '/pages-resident/bind/index' })} />
        </>
      )}
      {household && !posted && (
        <>
          <Notice tone="info" title="提议怎么变成大家投票的事">
            <Text>{`您发起后，邻居们可以联署。${GATHERING_DAYS} 天内联署的户数够了，就交给居委会：同意的话会请大家投票，不同意也会写明原因。`}</Text>
          </Notice>
          <ProposeForm household={household} onProposed={setPosted} />
        </>
      )}
      {posted && <ProposalPosted proposal={posted} />}
    </PageShell>
  )
}
