import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Empty } from '@/components/status-views'
import { WishCard } from '@/features/wishes/wish-card'
import type { WishListItem } from '@/types'
import { wishUrl } from '@/features/wishes/open-wish'

type Props = { title: string; wishes: WishListItem[]; note?: string; empty: string }

/** A titled list of wishes with its count; each card opens the one wish page. */
export function WishGroup({ title, wishes, note, empty }: Props) {
  return (
    <View className="section">
      <Text className="section__title">{`${title}（${wishes.length}）`}</Text>
      {note && wishes.length > 0 && <Text className="section__note">{note}</Text>}
      {wishes.length === 0 && <Empty>{empty}</Empty>}
      {wishes.length > 0 && (
        <View className="list">
          {wishes.map((wish) => (
            <WishCard key={wish._id} wish={wish} onOpen={() => void Taro.navigateTo({ url: wishUrl(wish._id) })} />
          ))}
        </View>
      )}
    </View>
  )
}
