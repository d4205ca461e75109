import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { FieldError, fieldBox } from '@/components/form'
import { PointPicker } from '@/features/bind/point-picker'
import { ChosenPointMap } from '@/features/map/community-map-view'
import { pointPlace, type Place } from '@/features/requests/place'
import type { FieldState } from '@/hooks/use-form'
import type { HouseholdView } from '@/types'

type Props = { household: HouseholdView | null; value: Place | null; onChange: (place: Place | null) => void } & Partial<FieldState>

// Without the map and without a bound home the server has nowhere to send the wish.
const bindFirst = '也可以先绑定您家：按小区、楼栋一步一步选，不用地图。居委会确认后，心愿就按您家送到附近的党支部。'

/**
 * Where the wish is: it decides which party branch sees it first. A bound resident's own household
 * (the server accepts no one else's); before binding, a point on the map near home.
 */
export function WishPlaceField({ household, value, onChange, id, error }: Props) {
  return (
    <View {...fieldBox(id, error)}>
      <Text className="field__label">在哪里（用来找离您最近的党支部）</Text>
      <FieldError error={error} />
      {household || value ? (
        <View className="trail">
          <Text className="trail__text">{value?.label ?? ''}</Text>
          {!household && (
            <ActionButton small onClick={() => onChange(null)}>
              重新选
            </ActionButton>
          )}
        </View>
      ) : null}
      {value && 'point' in value.target && <ChosenPointMap point={value.target.point} />}
      {!household && !value && (
        <PointPicker intro="在地图上找到您家，点一下确定。" action="就是这个位置" withoutMap={bindFirst} onPoint={(point, near) => onChange(pointPlace(point, near))} />
      )}
    </View>
  )
}
