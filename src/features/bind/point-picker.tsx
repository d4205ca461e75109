import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { BuildingFinder } from '@/features/map/building-finder'
import { CommunityMapView, MapLegend } from '@/features/map/community-map-view'
import { pointLine } from '@/features/map/map-scene'
import { PlaceMap } from '@/features/map/place-map'
import type { GeoPoint } from '@/types'

/**
 * `intro` is what the mini-program's map picker says, `action` what confirms a point tapped on the
 * browser's drawing; `withoutMap` is how this form goes on when the resident declines the privacy
 * explanation (the browser has none, so only the mini-program shows it). `onPoint` gets the point
 * and, when known, the place in words (…网格，离…约…米; …楼旁).
 */
export type PointPickerProps = { onPoint: (point: GeoPoint, near?: string) => void; intro?: string; action?: string; withoutMap?: string }

/**
 * H5: the browser build has no WeChat map, so the community is drawn from the directory's own
 * geometry and a tap on the drawing chooses the point; a second tap moves it, and nothing is chosen
 * until the resident confirms. A building list is the way for whoever cannot find it on the drawing.
 */
export function PointPicker({ onPoint, action = '找这个位置附近的楼' }: PointPickerProps) {
  const [tapped, setTapped] = useState<GeoPoint | null>(null)
  const [byBuilding, setByBuilding] = useState(false)
  return (
    <CommunityMapView switchable>
      {(map) => (
        <View className="form">
          {byBuilding ? (
            <>
              <Text className="form__intro">选一栋楼，就用它的位置。</Text>
              <BuildingFinder map={map} onPick={onPoint} />
            </>
          ) : (
            <>
              <Text className="form__intro">在下面的图上点一下那个位置。点错了，再点一次就行。</Text>
              <PlaceMap map={map} chosen={tapped} onTap={setTapped} />
              <MapLegend map={map} />
              {tapped && <Text className="place-map__where">{`您点的位置：${pointLine(map, tapped)}`}</Text>}
              {tapped && (
                <ActionButton tone="primary" onClick={() => onPoint(tapped, pointLine(map, tapped))}>
                  {action}
                </ActionButton>
              )}
            </>
          )}
          <ActionButton onClick={() => setByBuilding(!byBuilding)}>{byBuilding ? '回到地图上点' : '在图上找不到？按楼栋名称找'}</ActionButton>
        </View>
      )}
    </CommunityMapView>
  )
}
