import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import type { Choice } from '@/components/choice-list'
import { FieldError, fieldBox } from '@/components/form'
import { BuildingStep, CommunityStep, RoomStep } from '@/features/bind/place-steps'
import { PointPicker } from '@/features/bind/point-picker'
import { ChosenPointMap } from '@/features/map/community-map-view'
import { pointPlace, type Place } from '@/features/requests/place'
import type { FieldState } from '@/hooks/use-form'

type Walk = { at: 'community' } | { at: 'building'; community: Choice } | { at: 'room'; community: Choice; building: Choice } | { at: 'map' }

/** Staff name the place as a household (代办: the resident's home) or a point (found on patrol). */
export function StaffPlaceField({ value, onChange, id, error }: { value: Place | null; onChange: (place: Place | null) => void } & Partial<FieldState>) {
  const [walk, setWalk] = useState<Walk>({ at: 'community' })
  // A point is shown on the community's drawing, as on the resident's form: in WeChat the map it was
  // chosen on (wx.chooseLocation) is gone by now, and a label alone does not say whether it is right.
  if (value) {
    return (
      <View {...fieldBox(id, null)}>
        <View className="trail">
          <Text className="trail__text">{value.label}</Text>
          <ActionButton small onClick={() => onChange(null)}>
            重新选
          </ActionButton>
        </View>
        {'point' in value.target && <ChosenPointMap point={value.target.point} />}
      </View>
    )
  }
  return (
    <View {...fieldBox(id, error)}>
      <Text className="field__label">在哪里</Text>
      <FieldError error={error} />
      <View className="switch">
        <ActionButton tone={walk.at === 'map' ? 'plain' : 'primary'} onClick={() => setWalk({ at: 'community' })}>
          按楼栋房号选
        </ActionButton>
        <ActionButton tone={walk.at === 'map' ? 'primary' : 'plain'} onClick={() => setWalk({ at: 'map' })}>
          在地图上选
        </ActionButton>
      </View>
      {walk.at === 'community' && <CommunityStep onPick={(community) => setWalk({ at: 'building', community })} />}
      {walk.at === 'building' && <BuildingStep communityId={walk.community.id} onPick={(building) => setWalk({ at: 'room', community: walk.community, building })} />}
      {walk.at === 'room' && (
        <RoomStep
          buildingId={walk.building.id}
          onPick={(room) => onChange({ target: { householdId: room.id }, label: [walk.community.title, walk.building.title, room.title].join(' ') })}
        />
      )}
      {walk.at === 'map' && (
        <PointPicker
          intro="在地图上找到出问题的地方，点一下确定。"
          action="就是这个位置"
          withoutMap="点上面的“按楼栋房号选”。"
          onPoint={(point, near) => onChange(pointPlace(point, near))}
        />
      )}
    </View>
  )
}
