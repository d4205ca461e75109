import type { Place } from '@/features/requests/place'
import type { Problems } from '@/hooks/use-form'
import type { Photos } from '@/hooks/use-photos'
import type { WishDelivery } from '@/types'

type Draft = { text: string; delivery: WishDelivery | null; place: Place | null; photos: Pick<Photos, 'notReady'> }
export type WishDraftField = 'text' | 'photos' | 'neededBy' | 'delivery' | 'place'

/**
 * What stops a wish from going out, field by field, in words, checked before the call: the contract
 * would refuse the same things, but only with INVALID_INPUT, which cannot say how to fix them.
 */
export function wishDraftProblems({ text, delivery, place, photos }: Draft): Problems<WishDraftField> {
  return {
    text: text.trim() ? null : '请写一下您的心愿：需要什么帮助。',
    delivery: delivery ? null : '请选一下怎么帮您：上门，还是送到居委会。',
    place: place ? null : '请先选好在哪里。',
    photos: photos.notReady,
  }
}
