import type { ReactNode } from 'react'
import { PageShell } from '@/components/page-shell'
import { Failed, Loading, Notice } from '@/components/status-views'
import { useResult, type Loaded } from '@/hooks/use-result'
import { call } from '@/services/call'
import type { ActionOutput } from '@/types'

export type Community = { id: string; name: string }
type Scopes = ActionOutput<'directory', 'whoami'>['scopes']
type Reloadable<T> = Loaded<T> & { reload: () => void }

/**
 * Which communities a member of staff picks from: the directory's (directory.listCommunities) and
 * the scopes this person holds (whoami), which each page narrows its own way.
 */
function useCommunitiesWithScopes(pick: (all: Community[], scopes: Scopes) => Community[]): Reloadable<Community[]> {
  const me = useResult(() => call('directory', 'whoami', {}), 'me')
  const all = useResult(() => call('directory', 'listCommunities', {}), 'communities')
  const reload = () => {
    me.reload()
    all.reload()
  }
  if (me.state === 'failed') return { ...me, reload }
  if (all.state === 'failed') return { ...all, reload }
  if (me.state === 'loading' || all.state === 'loading') return { state: 'loading', reload }
  return { state: 'ready', data: pick(all.data.map(({ id, name }) => ({ id, name })), me.data.scopes), reload }
}

/**
 * The communities whose topics this person runs: the committee's own (whoami's community scopes),
 * or, for street staff, every community of the directory.
 */
export function useStaffCommunities(): Reloadable<Community[]> {
  return useCommunitiesWithScopes((all, { communityIds, streetIds }) =>
    communityIds.length > 0 ? all.filter((c) => communityIds.includes(c.id)) : streetIds.length > 0 ? all : [],
  )
}

/**
 * The communities to look for a resident in: these when given; else the ones this member of staff
 * serves (a committee's), else every one (street staff, or a grid worker, whose grids whoami names
 * without their community).
 */
export function useCommunitiesAmong(wanted: readonly string[] | null): Reloadable<Community[]> {
  return useCommunitiesWithScopes((all, { communityIds }) => {
    const among = wanted ?? communityIds
    return among.length > 0 ? all.filter((c) => among.includes(c.id)) : all
  })
}

/** A committee page: its body once this person's communities are known, or what the page is for when they have none. */
export function StaffCommunitiesPage({ forWhom, children }: { forWhom: string; children: (communities: Community[]) => ReactNode }) {
  const communities = useStaffCommunities()
  if (communities.state === 'loading') return <PageShell><Loading /></PageShell>
  if (communities.state === 'failed') return <PageShell><Failed code={communities.code} onRetry={communities.reload} /></PageShell>
  if (communities.data.length === 0) {
    return (
      <PageShell>
        <Notice tone="info" title="这里是居委会的页面">{forWhom}</Notice>
      </PageShell>
    )
  }
  return <>{children(communities.data)}</>
}
