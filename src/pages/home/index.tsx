import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigEntry } from '@/components/big-entry'
import { PageShell } from '@/components/page-shell'
import { TabBarSpace } from '@/components/tab-bar-space'
import { useSelectedTab } from '@/hooks/use-selected-tab'
import { useUnreadBadge } from '@/hooks/use-unread-badge'
import { CallUs } from '@/features/home/call-us'
import { MyOpenItems, type OpenLists } from '@/features/home/my-open-items'
import { useResult } from '@/hooks/use-result'
import { callUnchecked } from '@/services/call-unchecked'
import { useElderMode } from '@/services/elder-mode'
import { useSubscriptions } from '@/services/subscribe'
import type { HomeContacts } from '@/types'
import { success, type Result } from '@/types/result'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** My unfinished requests and wishes; the first page of each is plenty for a home page. */
async function loadOpenLists(): Promise<Result<OpenLists>> {
  const [requests, wishes] = await Promise.all([callUnchecked('requests', 'listMine', { open: true, limit: 20 }), callUnchecked('wishes', 'listMine', { limit: 20 })])
  if (!requests.ok) return requests
  if (!wishes.ok) return wishes
  return success({ requests: requests.data.items, wishes: wishes.data.items })
}

/**
 * 首页 (issue 9): my open items with their next step, who to ring, and the three jobs. Signed out or
 * not bound, the personal parts are simply absent: the jobs and 12345 are always there. 长辈模式
 * (我的) keeps fewer, bigger entries: the items that need me, a call, and the two jobs most asked for.
 */
export default function HomePage() {
  useSelectedTab()
  useUnreadBadge()
  const simple = useElderMode()
  // Opening one of my items asks for its notices inside the tap: the templates must be known by then.
  useSubscriptions()
  const lists = useResult(loadOpenLists, null)
  const contacts = useResult(() => callUnchecked('directory', 'homeContacts', {}), null)
  // Back from rating or confirming, the item's next step has changed.
  useDidShow(() => {
    lists.reload()
    contacts.reload()
  })
  const known: HomeContacts | null = contacts.state === 'ready' ? contacts.data : null

  return (
    <PageShell>
      <View className="greeting">
        <Text className="greeting__title">居村通</Text>
        <Text className="greeting__note">有事找居委，不用跑腿</Text>
      </View>
      {lists.state === 'ready' && <MyOpenItems lists={lists.data} limit={simple ? 3 : 5} />}
      {simple ? (
        <>
          <CallUs contacts={known} simple />
          <BigEntry tone="brand" title="有困难找居村" onClick={go('/pages-resident/help/index')} />
          <BigEntry title="微心愿" onClick={go('/pages-wish/home/index')} />
        </>
      ) : (
        <>
          <BigEntry tone="brand" title="有困难找居村" note="家门口的难事，告诉我们，网格员来帮您" onClick={go('/pages-resident/help/index')} />
          <BigEntry title="微心愿" note="说出一个小心愿，党员志愿者帮您实现" onClick={go('/pages-wish/home/index')} />
          <BigEntry title="邻里议事厅" note="小区里的事，大家商量着办" onClick={go('/pages-council/home/index')} />
          <CallUs contacts={known} simple={false} />
        </>
      )}
      <TabBarSpace />
    </PageShell>
  )
}
