import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import type { PointPickerProps } from './point-picker'

/**
 * wx.chooseLocation returns GCJ-02, the system the grids are drawn in. It needs `chooseLocation` in
 * requiredPrivateInfos (app.config) and in the privacy guide; a resident who cancels just stays here.
 */
export function PointPicker({ onPoint, intro = '在地图上找到您家的楼，点一下确定。' }: PointPickerProps) {
  const choose = async () => {
    try {
      const picked = await Taro.chooseLocation({})
      onPoint({ lng: picked.longitude, lat: picked.latitude })
    } catch {
      // Cancelled, or location refused: the resident can still pick by community and building.
    }
  }
  return (
    <View className="form">
      <Text className="form__intro">{intro}</Text>
      <ActionButton tone="primary" onClick={choose}>
        打开地图选位置
      </ActionButton>
    </View>
  )
}
