import type { Photos } from '@/hooks/use-photos'
import type { Problems } from '@/hooks/use-form'
import { Phone } from '@/types'
import type { Place } from './place'

type Draft = { place: Place | null; text: string; phone?: string; photos: Pick<Photos, 'notReady'> }
export type DraftField = 'place' | 'text' | 'phone' | 'photos'

/**
 * What stops a filing from going out, field by field, in words, checked before the call: the contract
 * would refuse the same things, but only with INVALID_INPUT, which cannot say how to fix them.
 */
export function draftProblems({ place, text, phone = '', photos }: Draft): Problems<DraftField> {
  return {
    place: place ? null : '请先选好是在哪里。',
    text: text.trim() ? null : '请写一下遇到了什么事。',
    phone: phone.trim() && !Phone.safeParse(phone.trim()).success ? '手机号应是 11 位数字，可以不填。' : null,
    photos: photos.notReady,
  }
}
