import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/paged-list'
import { CommunityPick, type CommunityChoice } from '@/features/wishes/community-pick'
import { WallLineCard } from '@/features/wishes/wall-line'
import { useNow } from '@/hooks/use-now'
import { usePaged } from '@/hooks/use-paged'
import { call } from '@/services/call'
import type { ErrorCode } from '@/types'
import { usePullToReload } from '@/hooks/use-pull-to-reload'
import { useWallShare } from './use-wall-share'

/** The answers that mean "no community of yours to show", as opposed to a failure worth retrying. */
const noCommunity: ReadonlySet<ErrorCode> = new Set(['INVALID_INPUT', 'NOT_FOUND', 'FORBIDDEN'])

/**
 * 心愿墙: the realised wishes of my community (or one I pick, or the one a shared card names with
 * ?communityId=), newest first, masked.
 */
export default function WishWallPage() {
  const now = useNow()
  const { communityId: shared } = useRouter().params
  // A shared card names the community; its name comes with the wall's first page.
  const [community, setCommunity] = useState<CommunityChoice | null>(shared ? { id: shared, name: '' } : null)
  // Read by the list's run, which may start before React renders the new community.
  const communityRef = useRef(community)
  // The community the wall shows, as its answer names it (without a pick, the caller's home's): what the share card carries.
  const [shown, setShown] = useState<CommunityChoice | null>(null)
  const list = usePaged(async (cursor) => {
    const chosen = communityRef.current
    const answer = await call('wishes', 'wall', { limit: 20, ...(chosen ? { communityId: chosen.id } : {}), ...(cursor ? { cursor } : {}) })
    if (answer.ok) setShown({ id: answer.data.communityId, name: answer.data.communityName })
    return answer
  }, 'wall')
  usePullToReload(list.reload)
  useWallShare(shown?.name ?? null, shown?.id ?? null)
  const pick = (next: CommunityChoice | null) => {
    communityRef.current = next
    setCommunity(next)
    setShown(next)
    list.reload()
  }
  // Also when a shared card names a community that is no more: the reader picks one.
  const mustPick = list.paged.state === 'failed' && noCommunity.has(list.paged.code)

  if (mustPick) {
    return (
      <PageShell>
        <CommunityPick onPick={pick} />
      </PageShell>
    )
  }
  return (
    <PageShell>
      {shown?.name && (
        <View className="trail">
          <Text className="step-question">{`${shown.name}的心愿墙`}</Text>
          {community && (
            <ActionButton small onClick={() => pick(null)}>
              换一个社区
            </ActionButton>
          )}
        </View>
      )}
      <Text className="section__note">这里是居民确认已经实现的心愿。只写做了什么、哪个支部帮的忙，不写是谁家。</Text>
      <PagedList {...list} empty="还没有实现的心愿。" idOf={(line) => line._id} render={(line) => <WallLineCard line={line} now={now} />} />
    </PageShell>
  )
}
