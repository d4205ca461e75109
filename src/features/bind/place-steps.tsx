import { ChoiceList, type Choice } from '@/components/choice-list'
import { SearchableChoiceList } from '@/components/searchable-choice-list'
import { Empty, Failed, Loading } from '@/components/status-views'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import { success, type GeoPoint, type Result } from '@/types'

type Pick = { onPick: (choice: Choice) => void }

const toChoices = <T,>(result: Result<T[]>, to: (item: T) => Choice): Result<Choice[]> => (result.ok ? success(result.data.map(to)) : result)

function Choices({ run, loadKey, empty, onPick, searchable }: Pick & { run: () => Promise<Result<Choice[]>>; loadKey: string; empty: string; searchable?: string }) {
  const loaded = useResult(run, loadKey)
  if (loaded.state === 'loading') return <Loading />
  if (loaded.state === 'failed') return <Failed code={loaded.code} onRetry={loaded.reload} />
  if (loaded.data.length === 0) return <Empty>{empty}</Empty>
  if (searchable) return <SearchableChoiceList choices={loaded.data} onPick={onPick} label={searchable} />
  return <ChoiceList choices={loaded.data} onPick={onPick} />
}

export function CommunityStep({ onPick }: Pick) {
  const run = async () => toChoices(await call('directory', 'listCommunities', {}), (c) => ({ id: c.id, title: c.name, note: c.type }))
  return <Choices run={run} loadKey="communities" onPick={onPick} empty="还没有开通的社区。" />
}

export function BuildingStep({ communityId, onPick }: Pick & { communityId: string }) {
  const run = async () => toChoices(await call('directory', 'listBuildings', { communityId }), (b) => ({ id: b.id, title: `${b.estate} ${b.name}` }))
  return <Choices run={run} loadKey={communityId} onPick={onPick} empty="这个社区还没有登记楼栋，请联系居委会。" searchable="找楼栋" />
}

export function NearbyStep({ point, onPick }: Pick & { point: GeoPoint }) {
  const run = async () =>
    toChoices(await call('directory', 'nearbyBuildings', { point }), (b) => ({
      id: b.id,
      title: `${b.estate} ${b.name}`,
      note: `${b.communityName} · 约${Math.round(b.distanceM)}米`,
    }))
  return <Choices run={run} loadKey={`${point.lng},${point.lat}`} onPick={onPick} empty="附近没有找到楼栋，请换个位置，或按小区楼栋选。" />
}

export function RoomStep({ buildingId, onPick }: Pick & { buildingId: string }) {
  const run = async () => toChoices(await call('directory', 'listHouseholds', { buildingId }), (h) => ({ id: h.id, title: h.room }))
  return <Choices run={run} loadKey={buildingId} onPick={onPick} empty="这栋楼还没有登记房号，请联系居委会。" />
}
