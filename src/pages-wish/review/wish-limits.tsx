import { Text, View } from '@tarojs/components'
import { Failed } from '@/components/status-views'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import { LimitForm } from './limit-form'

/**
 * The committee's limit for each community it serves. Only the committee may change it (a grid
 * worker's updateSettings answers FORBIDDEN), so it is offered for whoami's community scopes alone.
 */
export function WishLimits() {
  const me = useResult(() => call('directory', 'whoami', {}), 'me')
  if (me.state === 'loading') return null
  if (me.state === 'failed') return <Failed code={me.code} onRetry={me.reload} />
  const { communityIds } = me.data.scopes
  if (communityIds.length === 0) return null
  return (
    <View className="section">
      <Text className="section__title">心愿数量上限</Text>
      {communityIds.length === 1 ? <LimitForm communityId={communityIds[0]} /> : <NamedLimits communityIds={communityIds} />}
    </View>
  )
}

/** Someone serving several communities needs to know which form is which. */
function NamedLimits({ communityIds }: { communityIds: string[] }) {
  const communities = useResult(() => call('directory', 'listCommunities', {}), 'communities')
  const nameOf = (id: string) => (communities.state === 'ready' ? communities.data.find((c) => c.id === id)?.name : undefined)
  return (
    <>
      {communityIds.map((id) => (
        <LimitForm key={id} communityId={id} name={nameOf(id) ?? '社区'} />
      ))}
    </>
  )
}
