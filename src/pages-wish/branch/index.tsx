import { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useRef } from 'react'
import { PageShell } from '@/components/page-shell'
import { Failed, Loading, Notice } from '@/components/status-views'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import { BranchPicker } from './branch-picker'
import { MemberRecords, MonthRanking } from './branch-records'
import { WishGroup } from './wish-group'
import '../../styles/wishes-staff.scss'
import { usePullToReload } from '@/hooks/use-pull-to-reload'

/**
 * A branch's 微心愿 for its secretary or the committee of its community: what waits for a claim,
 * what a member let run out, and how each member is doing. Without `?branchId=` the server shows
 * the caller's own branch; the committee can pick any branch of its community.
 */
export default function WishBranchPage() {
  const { branchId: linked } = useRouter().params
  const branchRef = useRef(linked)
  const overview = useResult(() => call('wishes', 'branchOverview', branchRef.current ? { branchId: branchRef.current } : {}), null)
  useDidShow(() => overview.reload())
  usePullToReload(overview.reload)
  const choose = (id: string) => {
    branchRef.current = id
    overview.reload()
  }

  if (overview.state === 'failed' && overview.code === 'FORBIDDEN') {
    return (
      <PageShell>
        <Notice tone="info" title="这里是支部书记和居委会的页面">支部的心愿由支部书记和社区居委会查看。如果您是支部书记，请联系社区确认您的任职。</Notice>
      </PageShell>
    )
  }
  const current = overview.state === 'ready' ? overview.data.branch._id : branchRef.current
  return (
    <PageShell>
      <BranchPicker current={current} onPick={choose} />
      {overview.state === 'loading' && <Loading />}
      {overview.state === 'failed' && <Failed code={overview.code} onRetry={overview.reload} />}
      {overview.state === 'ready' && (
        <>
          <View className="wish-branch__head">
            <Text className="wish-branch__name">{overview.data.branch.name}</Text>
          </View>
          <WishGroup
            title="待认领"
            wishes={overview.data.unclaimed}
            note={widenedNote(overview.data.unclaimed.filter((wish) => wish.audience === 'community').length)}
            empty="没有等待认领的心愿。"
          />
          <WishGroup title="认领到期" wishes={overview.data.lapsed} note="认领的党员没有按时完成，心愿已重新等待认领。" empty="没有认领到期的心愿。" />
          <MemberRecords members={overview.data.members} />
          <MonthRanking ranking={overview.data.ranking} />
        </>
      )}
    </PageShell>
  )
}

/** Widened wishes waited past the branch's turn (issue 7): the secretary should know how many. */
const widenedNote = (widened: number) => (widened > 0 ? `其中 ${widened} 个无人认领，已扩大到社区大党委。` : undefined)
