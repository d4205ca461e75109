import { useResult, type Loaded } from '@/hooks/use-result'
import { call } from '@/services/call'

export type Community = { id: string; name: string }

/**
 * The communities whose topics this person runs: the committee's own (whoami's community scopes),
 * or, for street staff, every community of the directory. Named from directory.listCommunities.
 */
export function useStaffCommunities(): Loaded<Community[]> & { reload: () => void } {
  const me = useResult(() => call('directory', 'whoami', {}), 'me')
  const all = useResult(() => call('directory', 'listCommunities', {}), 'communities')
  const reload = () => {
    me.reload()
    all.reload()
  }
  if (me.state === 'failed') return { ...me, reload }
  if (all.state === 'failed') return { ...all, reload }
  if (me.state === 'loading' || all.state === 'loading') return { state: 'loading', reload }
  const { communityIds, streetIds } = me.data.scopes
  const mine = communityIds.length > 0 ? all.data.filter((c) => communityIds.includes(c.id)) : streetIds.length > 0 ? all.data : []
  return { state: 'ready', data: mine.map(({ id, name }) => ({ id, name })), reload }
}
