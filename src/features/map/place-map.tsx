import '../../styles/places.scss'
import { View } from '@tarojs/components'
import { useMemo, type MouseEvent } from 'react'
import type { GeoPoint } from '@/types'
import { project, sceneOf, tapToPoint, type CommunityMap } from './map-scene'
import { mapStyle as s } from './map-style'

export type PlaceMapProps = { map: CommunityMap; chosen: GeoPoint | null; onTap?: (point: GeoPoint) => void }

/**
 * H5: the community drawn as inline SVG (the browser build has no WeChat map). A tap anywhere on the
 * drawing is a point: the whole drawing, a phone's width, is the target.
 */
export function PlaceMap({ map, chosen, onTap }: PlaceMapProps) {
  const scene = useMemo(() => sceneOf(map), [map])
  const { width, height } = scene.view
  const mark = chosen && project(scene.view, chosen)
  const tap = (event: MouseEvent<SVGSVGElement>) => onTap?.(tapToPoint(scene.view, event, event.currentTarget.getBoundingClientRect()))
  return (
    <View className={`place-map${onTap ? ' place-map--tappable' : ''}`}>
      <svg
        className="place-map__drawing"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${map.communityName}的地图${onTap ? '：在图上点一下，选出位置' : ''}`}
        onClick={tap}
      >
        <rect width={width} height={height} fill="#ffffff" />
        {scene.grids.map((g, i) => (
          <path key={g.id} d={g.path} fill={s.gridFills[i % s.gridFills.length]} fillRule="evenodd" stroke={s.gridStroke} strokeWidth={4} />
        ))}
        {scene.grids.map((g) => (
          <text key={g.id} x={g.labelAt.x} y={g.labelAt.y} fontSize={s.gridLabelSize} fontFamily={s.font} fill={s.gridLabel} textAnchor="middle" fontWeight="bold" stroke={s.halo} strokeWidth={s.haloWidth} paintOrder="stroke">
            {g.name}
          </text>
        ))}
        {scene.buildings.map((b) => (
          <g key={b.id} data-building={b.id}>
            <circle cx={b.at.x} cy={b.at.y} r={b.home ? s.homeRadius : s.buildingRadius} fill={b.home ? s.home : s.building} />
            <text x={b.at.x} y={b.at.y - 20} fontSize={s.buildingLabelSize} fontFamily={s.font} fill={b.home ? s.home : s.buildingLabel} textAnchor="middle" stroke={s.halo} strokeWidth={s.haloWidth} paintOrder="stroke">
              {b.home ? `我家 ${b.label}` : b.label}
            </text>
          </g>
        ))}
        {mark && (
          <g data-testid="chosen-point">
            <circle cx={mark.x} cy={mark.y} r={s.chosenRadius} fill="none" stroke={s.chosen} strokeWidth={10} />
            <circle cx={mark.x} cy={mark.y} r={8} fill={s.chosen} />
          </g>
        )}
      </svg>
    </View>
  )
}
