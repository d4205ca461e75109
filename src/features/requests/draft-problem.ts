import type { Photos } from '@/hooks/use-photos'
import { Phone } from '@/types'
import type { Place } from './place'

type Draft = { place: Place | null; text: string; phone?: string; photos: Pick<Photos, 'notReady'> }

/**
 * What stops a filing from going out, in words, checked before the call: the contract would refuse
 * the same things, but only with INVALID_INPUT, which cannot say which box to fix.
 */
export function draftProblem({ place, text, phone = '', photos }: Draft): string | null {
  if (!place) return '请先选好是在哪里。'
  if (!text.trim()) return '请写一下遇到了什么事。'
  if (phone.trim() && !Phone.safeParse(phone.trim()).success) return '手机号应是 11 位数字，可以不填。'
  if (photos.notReady) return photos.notReady
  return null
}
