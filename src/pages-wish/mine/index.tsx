import Taro, { useDidShow } from '@tarojs/taro'
import { ActionButton } from '@/components/action-button'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/paged-list'
import { openWish } from '@/features/wishes/open-wish'
import { WishCard } from '@/features/wishes/wish-card'
import { usePaged } from '@/hooks/use-paged'
import { call } from '@/services/call'
import { useSubscriptions } from '@/services/subscribe'
import { usePullToReload } from '@/hooks/use-pull-to-reload'

/** My wishes, newest first, each one tap from where it stands; a new one a tap away. */
export default function MyWishesPage() {
  useSubscriptions()
  const list = usePaged((cursor) => call('wishes', 'listMine', { limit: 20, ...(cursor ? { cursor } : {}) }), null)
  // Coming back from a wish (a confirmation, a withdrawal) must show the new state.
  useDidShow(() => list.reload())
  usePullToReload(list.reload)

  return (
    <PageShell>
      <PagedList
        {...list}
        empty="您还没有说过心愿。"
        idOf={(wish) => wish._id}
        render={(wish) => <WishCard wish={wish} onOpen={() => openWish(wish, { asWisher: true })} />}
      />
      <ActionButton tone="primary" onClick={() => void Taro.navigateTo({ url: '/pages-wish/post/index' })}>
        说个新心愿
      </ActionButton>
    </PageShell>
  )
}
