import { Text, View } from '@tarojs/components'
import { InfoRow } from '@/components/info-row'
import { PhotoStrip } from '@/components/photo-strip'
import { deliveryLabels, wishCategoryLabels, wishStatusLabels } from '@/services/wish-labels'
import type { WishDetail } from '@/types'
import { dateTimeLine } from '@/types/calendar'
import { neededByLine } from './needed-by'
import { statusMeaning } from './status-meaning'

const audienceLine = (wish: WishDetail): string =>
  wish.audience === 'community'
    ? '社区大党委的党员都能认领'
    : `本支部的党员可以认领${wish.widenAt ? `，${dateTimeLine(wish.widenAt)} 后还没人认领就发给社区大党委` : ''}`

/** Where the wish stands and what that means now, then the wish itself as this viewer may read it. */
export function WishHead({ wish }: { wish: WishDetail }) {
  return (
    <View className="card wish-head">
      <Text className="card__title">{`${wishCategoryLabels[wish.category]} · ${wishStatusLabels[wish.status]}`}</Text>
      <Text className="wish-head__meaning">{statusMeaning(wish)}</Text>
      {wish.text && <Text className="card__line wish-text">{wish.text}</Text>}
      {wish.summary && <InfoRow name={wish.text ? '公示内容' : '心愿'}>{wish.summary}</InfoRow>}
      <PhotoStrip photos={wish.photos} what="心愿照片" />
      <InfoRow name="日期">{neededByLine(wish.neededBy)}</InfoRow>
      <InfoRow name="方式">{deliveryLabels[wish.delivery]}</InfoRow>
      {wish.status === 'published' && <InfoRow name="范围">{audienceLine(wish)}</InfoRow>}
      <InfoRow name="提交">{dateTimeLine(wish.createdAt)}</InfoRow>
    </View>
  )
}
