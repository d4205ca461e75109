import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { PickOne } from '@/components/pick-one'
import { Empty, Failed, Loading } from '@/components/status-views'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import { ownersOnly, type ActionOutput, type TopicDetail, type TopicScope } from '@/types'
import { useCommunitiesAmong } from './staff-communities'

export type PickedResident = ActionOutput<'directory', 'householdResidents'>[number]
type Building = ActionOutput<'directory', 'listBuildings'>[number]

/** Only the buildings whose residents may vote on the topic: staff are not offered a household the server would refuse. */
function inScope(scope: TopicScope, building: Building): boolean {
  if (scope.kind === 'buildings') return scope.buildingIds.includes(building.id)
  if (scope.kind === 'grids') return scope.gridIds.includes(building.gridId)
  return true
}

type Props = { topic: TopicDetail; value: PickedResident | null; onChange: (resident: PickedResident | null) => void }

/**
 * Whose ballot this is, found the way staff find a home: building → room → the verified residents
 * bound to it (directory.householdResidents, each look logged), with whether each is the 业主 — under
 * 民法典 art. 278 only an owner's vote counts. Every step stays on screen, so a wrong tap is undone in place.
 */
export function ResidentPick({ topic, value, onChange }: Props) {
  const communities = useCommunitiesAmong(topic.scope.kind === 'community' ? topic.scope.communityIds : null)
  const [communityId, setCommunityId] = useState<string | null>(null)
  const [buildingId, setBuildingId] = useState<string | null>(null)
  const [householdId, setHouseholdId] = useState<string | null>(null)
  if (communities.state === 'loading') return <Loading />
  if (communities.state === 'failed') return <Failed code={communities.code} onRetry={communities.reload} />
  if (communities.data.length === 0) return <Empty>没有可以代录的社区。</Empty>
  const community = communityId ?? (communities.data.length === 1 ? communities.data[0].id : null)
  const pickCommunity = (id: string) => {
    setCommunityId(id)
    setBuildingId(null)
    setHouseholdId(null)
    onChange(null)
  }
  const pickBuilding = (id: string) => {
    setBuildingId(id)
    setHouseholdId(null)
    onChange(null)
  }
  const pickHousehold = (id: string) => {
    setHouseholdId(id)
    onChange(null)
  }
  return (
    <View className="council-fields" role="group" aria-label="代谁投票">
      {communities.data.length > 1 && (
        <PickOne label="居民住在哪个社区" options={communities.data.map((c) => ({ id: c.id, title: c.name }))} value={community} onChange={pickCommunity} />
      )}
      {community && <BuildingPick key={community} communityId={community} scope={topic.scope} value={buildingId} onChange={pickBuilding} />}
      {buildingId && <RoomPick key={buildingId} buildingId={buildingId} value={householdId} onChange={pickHousehold} />}
      {householdId && <ResidentOf key={householdId} householdId={householdId} ownersOnly={ownersOnly(topic.rule)} value={value} onChange={onChange} />}
    </View>
  )
}

function BuildingPick({ communityId, scope, value, onChange }: { communityId: string; scope: TopicScope; value: string | null; onChange: (id: string) => void }) {
  const buildings = useResult(() => call('directory', 'listBuildings', { communityId }), communityId)
  if (buildings.state === 'loading') return <Loading />
  if (buildings.state === 'failed') return <Failed code={buildings.code} onRetry={buildings.reload} />
  const voting = buildings.data.filter((building) => inScope(scope, building))
  if (voting.length === 0) return <Empty>这个社区没有在这次投票范围里的楼。</Empty>
  return <PickOne label="哪栋楼" options={voting.map((b) => ({ id: b.id, title: `${b.estate} ${b.name}` }))} value={value} onChange={onChange} />
}

/** Rooms as a grid of big buttons: a tall building has dozens, which one row each would bury. */
function RoomPick({ buildingId, value, onChange }: { buildingId: string; value: string | null; onChange: (id: string) => void }) {
  const rooms = useResult(() => call('directory', 'listHouseholds', { buildingId }), buildingId)
  if (rooms.state === 'loading') return <Loading />
  if (rooms.state === 'failed') return <Failed code={rooms.code} onRetry={rooms.reload} />
  if (rooms.data.length === 0) return <Empty>这栋楼还没有登记房号。</Empty>
  return (
    <View className="field" role="radiogroup" aria-label="哪一户">
      <Text className="field__label">哪一户（房号）</Text>
      <View className="council-rooms">
        {rooms.data.map((room) => (
          <View
            key={room.id}
            className={`council-rooms__room${room.id === value ? ' council-rooms__room--on' : ''}`}
            role="radio"
            aria-checked={room.id === value}
            onClick={() => onChange(room.id)}
          >
            <Text>{`${room.room}室`}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

const tenureWords = { owner: '业主', occupant: '不是业主' } as const

type ResidentProps = { householdId: string; ownersOnly: boolean; value: PickedResident | null; onChange: (resident: PickedResident) => void }

function ResidentOf({ householdId, ownersOnly, value, onChange }: ResidentProps) {
  const residents = useResult(() => call('directory', 'householdResidents', { householdId }), householdId)
  if (residents.state === 'loading') return <Loading what="正在查这一户的居民" />
  if (residents.state === 'failed') return <Failed code={residents.code} onRetry={residents.reload} />
  if (residents.data.length === 0) return <Empty>这一户还没有认证的居民，不能代录。请先帮居民绑定房屋。</Empty>
  const options = residents.data.map((r) => ({ id: r.residentId, title: `${r.name}（${tenureWords[r.tenure]}）` }))
  return (
    <>
      <PickOne
        label="是哪一位居民"
        options={options}
        value={value?.residentId ?? null}
        onChange={(id) => {
          const picked = residents.data.find((r) => r.residentId === id)
          if (picked) onChange(picked)
        }}
      />
      {ownersOnly && <Text className="field__hint">这是业主共同决定的事，只有业主的票算数。</Text>}
    </>
  )
}
