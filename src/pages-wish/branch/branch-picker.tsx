import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'

/** Wishes route to a grid's branch; the community's 大党委 sees what widened. Lower levels have no queue of their own. */
const withWishes = new Set(['community', 'grid'])

/**
 * The committee looks after every branch of its community, so it picks one here; a secretary
 * (no community scope) sees their own branch and no picker.
 */
export function BranchPicker({ current, onPick }: { current: string | undefined; onPick: (branchId: string) => void }) {
  const me = useResult(() => call('directory', 'whoami', {}), 'me')
  if (me.state !== 'ready' || me.data.scopes.communityIds.length === 0) return null
  return (
    <View className="section">
      <Text className="section__title">选择支部</Text>
      {me.data.scopes.communityIds.map((communityId) => (
        <CommunityBranches key={communityId} communityId={communityId} current={current} onPick={onPick} />
      ))}
    </View>
  )
}

function CommunityBranches({ communityId, current, onPick }: { communityId: string; current: string | undefined; onPick: (branchId: string) => void }) {
  const branches = useResult(() => call('directory', 'listBranches', { communityId }), communityId)
  if (branches.state !== 'ready') return null
  return (
    <View className="tabs wish-branch__picker">
      {branches.data
        .filter((branch) => withWishes.has(branch.level))
        .map((branch) => (
          <ActionButton key={branch.id} small tone={branch.id === current ? 'primary' : 'plain'} onClick={() => onPick(branch.id)}>
            {branch.name}
          </ActionButton>
        ))}
    </View>
  )
}
