import { Text, View } from '@tarojs/components'
import { CheckRow } from '@/components/check-row'
import { PickOne } from '@/components/pick-one'
import { Empty, Failed, Loading } from '@/components/status-views'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import type { Community } from './staff-communities'
import { toggle, type ScopeDraft, type ScopeKind } from './staff-scope'

type Props = { communities: Community[]; value: ScopeDraft; onChange: (draft: ScopeDraft) => void }

const kinds: { id: ScopeKind; title: string }[] = [
  { id: 'community', title: '整个社区' },
  { id: 'grids', title: '选几个网格' },
  { id: 'buildings', title: '选几栋楼' },
]

/** Who the topic is for (issue 8: "scope: community, grids or buildings"), within the communities this committee serves. */
export function ScopeField({ communities, value, onChange }: Props) {
  const set = (change: Partial<ScopeDraft>) => onChange({ ...value, ...change })
  return (
    <View className="council-fields">
      <PickOne label="哪些居民来议" options={kinds} value={value.kind} onChange={(kind) => set({ kind })} />
      {value.kind === 'community' &&
        (communities.length === 1 ? (
          <Text className="council-scope__one">{communities[0].name}</Text>
        ) : (
          communities.map((c) => <CheckRow key={c.id} label={c.name} checked={value.communityIds.includes(c.id)} onChange={() => set({ communityIds: toggle(value.communityIds, c.id) })} />)
        ))}
      {value.kind !== 'community' && communities.length > 1 && (
        <PickOne
          label="在哪个社区"
          options={communities.map((c) => ({ id: c.id, title: c.name }))}
          value={value.communityId}
          onChange={(communityId) => set({ communityId, gridIds: [], buildingIds: [] })}
        />
      )}
      {value.kind !== 'community' && value.communityId && <PlacesOf communityId={value.communityId} value={value} onChange={onChange} />}
    </View>
  )
}

type PlacesProps = { communityId: string; value: ScopeDraft; onChange: (draft: ScopeDraft) => void }

function PlacesOf(props: PlacesProps) {
  return props.value.kind === 'grids' ? <GridsOf {...props} /> : <BuildingsOf {...props} />
}

/** The community's grids by the names residents and staff know them by (directory.listGrids). */
function GridsOf({ communityId, value, onChange }: PlacesProps) {
  const grids = useResult(() => call('directory', 'listGrids', { communityId }), communityId)
  if (grids.state === 'loading') return <Loading />
  if (grids.state === 'failed') return <Failed code={grids.code} onRetry={grids.reload} />
  if (grids.data.length === 0) return <Empty>这个社区还没有划分网格。</Empty>
  return (
    <View className="council-scope__list" role="group" aria-label="选网格">
      {grids.data.map((grid) => (
        <CheckRow key={grid.id} label={grid.name} checked={value.gridIds.includes(grid.id)} onChange={() => onChange({ ...value, gridIds: toggle(value.gridIds, grid.id) })} />
      ))}
    </View>
  )
}

function BuildingsOf({ communityId, value, onChange }: PlacesProps) {
  const buildings = useResult(() => call('directory', 'listBuildings', { communityId }), communityId)
  if (buildings.state === 'loading') return <Loading />
  if (buildings.state === 'failed') return <Failed code={buildings.code} onRetry={buildings.reload} />
  if (buildings.data.length === 0) return <Empty>这个社区还没有登记楼栋。</Empty>
  return (
    <View className="council-scope__list" role="group" aria-label="选楼栋">
      {buildings.data.map((building) => (
        <CheckRow
          key={building.id}
          label={`${building.estate} ${building.name}`}
          checked={value.buildingIds.includes(building.id)}
          onChange={() => onChange({ ...value, buildingIds: toggle(value.buildingIds, building.id) })}
        />
      ))}
    </View>
  )
}
