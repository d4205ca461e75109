import type { Place } from '@/features/requests/place'
import type { Photos } from '@/hooks/use-photos'
import type { WishDelivery } from '@/types'

type Draft = { text: string; delivery: WishDelivery | null; place: Place | null; photos: Pick<Photos, 'notReady'> }

/**
 * What stops a wish from going out, in words, checked before the call: the contract would refuse the
 * same things, but only with INVALID_INPUT, which cannot say which box to fix.
 */
export function wishDraftProblem({ text, delivery, place, photos }: Draft): string | null {
  if (!text.trim()) return '请写一下您的心愿：需要什么帮助。'
  if (!delivery) return '请选一下怎么帮您：上门，还是送到居委会。'
  if (!place) return '请先选好在哪里。'
  if (photos.notReady) return photos.notReady
  return null
}
