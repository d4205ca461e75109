import { Text } from '@tarojs/components'
import { PhotoStrip } from '@/components/photo-strip'
import { Notice } from '@/components/status-views'
import type { WishDetail } from '@/types'
import { dateTimeLine } from '@/types/calendar'
import { ratingLine } from './rating-labels'

const viaWords: Record<NonNullable<WishDetail['confirmation']>['via'], string> = {
  wisher: '居民确认',
  visit: '网格员上门走访后确认',
  call: '网格员打电话问过后确认',
}

/** What the claimer did, with their photos as this viewer may see them. */
export function FulfilmentView({ fulfilment }: { fulfilment: NonNullable<WishDetail['fulfilment']> }) {
  return (
    <Notice tone="ok" title={`党员说已经办好了（${dateTimeLine(fulfilment.at)}）`}>
      <Text className="wish-text">{fulfilment.note}</Text>
      <PhotoStrip photos={fulfilment.photos} what="完成照片" />
    </Notice>
  )
}

/** Who confirmed and how (a visit or a call is said as such), with the thanks and the rating. */
export function ConfirmationView({ confirmation }: { confirmation: NonNullable<WishDetail['confirmation']> }) {
  return (
    <Notice tone="ok" title={`心愿已实现（${dateTimeLine(confirmation.at)}）`}>
      <Text>{viaWords[confirmation.via]}</Text>
      {confirmation.thanks && <Text className="wish-text">{`“${confirmation.thanks}”`}</Text>}
      {confirmation.rating !== undefined && <Text>{`评分：${ratingLine(confirmation.rating)}`}</Text>}
    </Notice>
  )
}
