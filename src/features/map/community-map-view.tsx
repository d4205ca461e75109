import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Failed, Loading } from '@/components/status-views'
import { Tabs } from '@/components/tabs'
import type { GeoPoint } from '@/types'
import { pointLine, type CommunityMap } from './map-scene'
import { PlaceMap } from './place-map'
import { useCommunityMap } from './use-community-map'

/** Loads the map (of `near`'s community, else the caller's) and, with `switchable`, tabs to the street's other communities. */
export function CommunityMapView({ near, switchable, children }: { near?: GeoPoint | null; switchable?: boolean; children: (map: CommunityMap) => ReactNode }) {
  const { map, showCommunity } = useCommunityMap(near)
  if (map.state === 'loading') return <Loading what="正在打开社区地图" />
  if (map.state === 'failed') return <Failed code={map.code} onRetry={map.reload} />
  return (
    <View className="community-map">
      {switchable && map.data.communities.length > 1 && (
        <Tabs label="看哪个社区的地图" tabs={map.data.communities.map((c) => ({ id: c.id, title: c.name }))} value={map.data.communityId} onChange={showCommunity} />
      )}
      {children(map.data)}
    </View>
  )
}

/** What the drawing's marks mean, in words: colour alone must not carry it. */
export function MapLegend({ map }: { map: CommunityMap }) {
  return <Text className="place-map__legend">{`蓝点是楼栋${map.homeBuildingId ? '，红点是您家' : ''}，红圈是选的位置。`}</Text>
}

/** The chosen point on the drawing of its community, and in words (both builds). */
export function ChosenPointMap({ point }: { point: GeoPoint }) {
  return (
    <CommunityMapView near={point}>
      {(map) => (
        <>
          <PlaceMap map={map} chosen={point} />
          <Text className="place-map__where">{`选的位置：${pointLine(map, point)}`}</Text>
        </>
      )}
    </CommunityMapView>
  )
}
