import type { Failure, Result } from '../../types'
import type { PreloadCaller, UseCaseContext } from '../shared/runtime/function-entry'
import { preload, takePreloaded } from '../shared/runtime/invocation'
import { refusePhotos } from '../shared/runtime/photos'
import { photosKeyOf } from '../shared/runtime/photo-allowance'
import { spendAhead, type SpentAhead } from '../shared/runtime/rate-limiter'

type WithPhotos = { requestId: string; photos?: string[] | undefined }

/** The same step's same photos: a step retried after a lost race is counted once. */
const itemKeyOf = ({ requestId, photos = [] }: WithPhotos) => photosKeyOf(requestId, photos)
const preloadKey = (input: WithPhotos) => `photoAllowance/${itemKeyOf(input)}`
const spend = (input: WithPhotos, userId: string, now: number) =>
  spendAhead(userId, now, [{ action: 'photo', amount: input.photos?.length ?? 0, itemKey: itemKeyOf(input) }])

/** A note's or a reply's photos counted beside the caller's record: only the caller's own uploads, which the step alone may keep. */
export function preloadPhotoAllowance(input: WithPhotos, { openid, now }: PreloadCaller): void {
  if (!input.photos || input.photos.length === 0 || refusePhotos(input.photos, { userId: openid })) return
  preload(preloadKey(input), () => spend(input, openid, now), (spent) => spent.giveBack())
}

/**
 * The photos a step keeps, counted against the caller's allowance: sent ahead (preloadPhotoAllowance),
 * refused before the write if over it (`verify`), and given back on any answer but success — a step
 * the machine refuses, or one that lost its race, spends nothing.
 */
export async function withPhotosCounted<T>(input: WithPhotos, { actor, now }: UseCaseContext, step: (verify: () => Promise<Failure | null>) => Promise<Result<T>>): Promise<Result<T>> {
  if (!input.photos || input.photos.length === 0) return step(async () => null)
  const spent: Promise<SpentAhead> = takePreloaded<SpentAhead>(preloadKey(input)) ?? spend(input, actor.userId, now)
  const answer = await step(async () => (await spent).refused)
  if (!answer.ok) await (await spent).giveBack()
  return answer
}
