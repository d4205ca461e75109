import '../../styles/places.scss'
import { Image, View } from '@tarojs/components'
import { useMemo } from 'react'
import { project, sceneOf } from './map-scene'
import { svgDataUri, svgMarkup } from './map-svg'
import type { PlaceMapProps } from './place-map'

/**
 * The mini-program has no <svg> element: the same drawing goes to an <image> as an SVG data URI.
 * Points are chosen in WeChat's own map (wx.chooseLocation); this drawing shows where, so `onTap` is unused.
 */
export function PlaceMap({ map, chosen }: PlaceMapProps) {
  const src = useMemo(() => {
    const scene = sceneOf(map)
    return svgDataUri(svgMarkup(scene, chosen && project(scene.view, chosen)))
  }, [map, chosen])
  return (
    <View className="place-map">
      <Image className="place-map__drawing" src={src} mode="widthFix" ariaLabel={`${map.communityName}的地图`} />
    </View>
  )
}
