import { Text, View } from '@tarojs/components'
import { deliveryLabels, nearLabels, wishCategoryLabels, wishStatusLabels } from '@/services/wish-labels'
import type { WishListItem } from '@/types'
import { dateTimeLine } from '@/types/calendar'
import { neededByLine } from './needed-by'

/**
 * One wish in a list: what, where it stands, by when it is needed, and — on the lists that carry
 * them — who holds it (masked), the claim's deadline, how near it is, and the reviewer's mark.
 * Nothing of who wished it or where: lists carry no contact and no place.
 */
export function WishCard({ wish, onOpen }: { wish: WishListItem; onOpen: () => void }) {
  const tags = [
    wish.near ? nearLabels[wish.near] : '',
    wish.audience === 'community' && wish.status === 'published' ? '已扩大到社区大党委' : '',
    wish.cancelRequested ? '居民请求取消' : '',
    wish.marked ? '请留意核实' : '',
  ].filter(Boolean)
  return (
    <View className="card wish-card" role="button" onClick={onOpen}>
      <View className="wish-card__head">
        <Text className="card__title">{wishCategoryLabels[wish.category]}</Text>
        <Text className="wish-card__status">{wishStatusLabels[wish.status]}</Text>
      </View>
      <Text className="card__line">{wish.summary ?? wish.excerpt}</Text>
      {tags.length > 0 && <Text className="card__line wish-card__tags">{tags.join(' · ')}</Text>}
      <Text className="card__line">{`${neededByLine(wish.neededBy)} · ${deliveryLabels[wish.delivery]}`}</Text>
      {wish.claimerName && <Text className="card__line">{`认领人：${wish.claimerName}`}</Text>}
      {wish.lockUntil !== null && <Text className="card__line wish-card__due">{`${dateTimeLine(wish.lockUntil)} 前完成`}</Text>}
    </View>
  )
}
