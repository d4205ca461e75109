import { Text } from '@tarojs/components'
import { ChoiceList } from '@/components/choice-list'
import { Empty, Failed, Loading, Notice } from '@/components/status-views'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'

export type CommunityChoice = { id: string; name: string }

/**
 * The wall is a community's, and a resident who has not bound a home has none the server knows:
 * they pick one from the directory's list instead of being told they cannot look.
 */
export function CommunityPick({ onPick }: { onPick: (community: CommunityChoice) => void }) {
  const communities = useResult(() => call('directory', 'listCommunities', {}), 'communities')
  return (
    <>
      <Notice tone="info" title="想看哪个社区的心愿墙？">
        <Text>还不知道您住在哪个社区（绑定您家后会自动打开您的社区）。请选一个社区看看。</Text>
      </Notice>
      {communities.state === 'loading' && <Loading />}
      {communities.state === 'failed' && <Failed code={communities.code} onRetry={communities.reload} />}
      {communities.state === 'ready' && communities.data.length === 0 && <Empty>还没有可以看的社区。</Empty>}
      {communities.state === 'ready' && (
        <ChoiceList
          choices={communities.data.map((community) => ({ id: community.id, title: community.name }))}
          onPick={(choice) => onPick({ id: choice.id, name: choice.title })}
        />
      )}
    </>
  )
}
