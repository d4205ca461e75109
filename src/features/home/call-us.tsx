import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigEntry } from '@/components/big-entry'
import { CallButton } from '@/components/call-button'
import type { HomeContacts } from '@/types'

/** 12345 政务服务便民热线: the city's line, for anyone, bound or not. */
export const CITY_HOTLINE = '12345'

type Props = { contacts: HomeContacts | null; simple: boolean }

/**
 * Who to ring (issue 9): the grid worker on duty for my home and my community's hotline, work
 * numbers from the directory; 12345 for everyone. Without a bound household, the way to bind.
 */
export function CallUs({ contacts, simple }: Props) {
  const worker = contacts?.gridWorker
  const community = contacts?.community
  return (
    <View className="card home-calls">
      <Text className="card__title">有事打电话</Text>
      {worker && (
        <View className="home-calls__who">
          <Text className="card__line">{`我的网格员：${worker.name}（${worker.gridName}）`}</Text>
          {worker.workPhone && <CallButton phone={worker.workPhone} label="打给网格员" />}
        </View>
      )}
      {community?.hotline && (
        <View className="home-calls__who">
          <Text className="card__line">{`${community.name}居委会`}</Text>
          <CallButton phone={community.hotline} label="打给居委会" />
        </View>
      )}
      {!community && (
        <>
          <Text className="card__line">绑定您家的房子后，这里会有您的网格员和居委会的电话。</Text>
          {!simple && <BigEntry title="绑定我家" note="选小区、楼栋和房号" onClick={() => void Taro.navigateTo({ url: '/pages-resident/bind/index' })} />}
        </>
      )}
      <View className="home-calls__who">
        <Text className="card__line">市民服务热线（不在社区管的事也可以问）</Text>
        <CallButton phone={CITY_HOTLINE} />
      </View>
    </View>
  )
}
