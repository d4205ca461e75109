import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { Notice } from '@/components/status-views'
import { BuildingFinder } from '@/features/map/building-finder'
import { CommunityMapView } from '@/features/map/community-map-view'
import { isPrivacyRefusal } from '@/services/privacy-consent'
import type { PointPickerProps } from './point-picker'

/**
 * wx.chooseLocation returns GCJ-02, the system the grids are drawn in. It needs `chooseLocation` in
 * requiredPrivateInfos (app.config) and in the privacy guide. A resident who cancels just stays here;
 * one who answers 不同意 to the privacy explanation is told how this form goes on without the map.
 * A building list (the community map's buildings) needs no location at all. The chosen point is then
 * shown on the community's drawing by whoever holds it (ChosenPointMap).
 */
export function PointPicker({ onPoint, intro = '在地图上找到您家的楼，点一下确定。', withoutMap }: PointPickerProps) {
  const [refused, setRefused] = useState(false)
  const [byBuilding, setByBuilding] = useState(false)
  const choose = async () => {
    try {
      const picked = await Taro.chooseLocation({})
      setRefused(false)
      onPoint({ lng: picked.longitude, lat: picked.latitude })
    } catch (error) {
      // Cancelled, or location refused: nothing went wrong, so no error is shown.
      setRefused(isPrivacyRefusal(error))
    }
  }
  return (
    <View className="form">
      <Text className="form__intro">{intro}</Text>
      <ActionButton tone="primary" onClick={choose}>
        打开地图选位置
      </ActionButton>
      {refused && (
        <Notice tone="info" title="不用地图也可以">
          {withoutMap && <Text>{withoutMap}</Text>}
          <Text>您没有同意用位置，所以地图打不开。想用地图的话，再点一下“打开地图选位置”，然后点“同意”。</Text>
        </Notice>
      )}
      <ActionButton onClick={() => setByBuilding(!byBuilding)}>{byBuilding ? '收起楼栋列表' : '不用地图，按楼栋名称找'}</ActionButton>
      {byBuilding && <CommunityMapView switchable>{(map) => <BuildingFinder map={map} onPick={onPoint} />}</CommunityMapView>}
    </View>
  )
}
