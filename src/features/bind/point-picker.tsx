import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { TextField } from '@/components/text-field'
import { GeoPoint } from '@/types'

/**
 * `intro` is what the mini-program's map picker says, `action` what the browser's button says;
 * `withoutMap` is how this form goes on when the resident declines the privacy explanation (the
 * browser has none, so only the mini-program shows it).
 */
export type PointPickerProps = { onPoint: (point: GeoPoint) => void; intro?: string; action?: string; withoutMap?: string }

/**
 * H5 stand-in for the mini-program's map picker: the browser build has no WeChat map, so the point
 * is typed in (GCJ-02, as a map app shows it).
 */
export function PointPicker({ onPoint, action = '找这个位置附近的楼' }: PointPickerProps) {
  const [lng, setLng] = useState('')
  const [lat, setLat] = useState('')
  const [wrong, setWrong] = useState(false)

  const use = () => {
    // Number('') is 0, a valid longitude: an empty box must not pass as a point in the Gulf of Guinea.
    const point = lng.trim() && lat.trim() ? GeoPoint.safeParse({ lng: Number(lng), lat: Number(lat) }) : null
    setWrong(!point?.success)
    if (point?.success) onPoint(point.data)
  }

  return (
    <View className="form">
      <Text className="form__intro">网页版不能打开微信地图，请填写位置的经度和纬度。</Text>
      <TextField label="经度" value={lng} onChange={setLng} type="digit" placeholder="例如 121.43" />
      <TextField label="纬度" value={lat} onChange={setLat} type="digit" placeholder="例如 31.19" />
      {wrong && <Text className="form__error">经度、纬度要填数字，请检查一下。</Text>}
      <ActionButton tone="primary" onClick={use}>
        {action}
      </ActionButton>
    </View>
  )
}
