import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { FieldError, fieldBox } from '@/components/form'
import type { FieldState } from '@/hooks/use-form'
import { PointPicker } from '@/features/bind/point-picker'
import { ChosenPointMap } from '@/features/map/community-map-view'
import type { HouseholdView } from '@/types'
import { householdPlace, pointPlace, type Place } from './place'

type Props = { household: HouseholdView | null; value: Place | null; onChange: (place: Place | null) => void } & Partial<FieldState>

// Without the map a resident can only name their own home (the functions accept no one else's), so
// that is the way on: say where exactly in the text; or, not yet bound, bind the home (no map needed).
const atHomeInstead = '点上面的“就在我家”，再在“遇到了什么事”里写清楚具体在哪儿。'
const bindFirst = '也可以先绑定您家：按小区、楼栋一步一步选，不用地图。居委会确认后，选“就在我家”就能提交。'

/** The bound household by default; a point on the map for a problem elsewhere (or before binding). */
export function PlaceField({ household, value, onChange, id, error }: Props) {
  const atHome = value !== null && 'householdId' in value.target
  return (
    <View {...fieldBox(id, error)}>
      <Text className="field__label">在哪里</Text>
      <FieldError error={error} />
      {household && (
        <View className="switch">
          <ActionButton tone={atHome ? 'primary' : 'plain'} onClick={() => onChange(householdPlace(household))}>
            就在我家
          </ActionButton>
          <ActionButton tone={atHome ? 'plain' : 'primary'} onClick={() => onChange(null)}>
            在别的地方
          </ActionButton>
        </View>
      )}
      {value ? (
        <>
          <View className="trail">
            <Text className="trail__text">{value.label}</Text>
            {!atHome && (
              <ActionButton small onClick={() => onChange(null)}>
                重新选
              </ActionButton>
            )}
          </View>
          {'point' in value.target && <ChosenPointMap point={value.target.point} />}
        </>
      ) : (
        <PointPicker
          intro="在地图上找到出问题的地方，点一下确定。"
          action="就是这个位置"
          withoutMap={household ? atHomeInstead : bindFirst}
          onPoint={(point, near) => onChange(pointPlace(point, near))}
        />
      )}
    </View>
  )
}
