import { createHash } from 'node:crypto'
import type { Result } from '../../../types'
import { spendAhead } from './rate-limiter'

/** The same item's same photos: a step sent again (a retry after a lost answer) counts them once. */
export const photosKeyOf = (itemId: string, photos: readonly string[]): string =>
  `${itemId}~${createHash('sha256').update([...photos].sort().join('\n')).digest('hex').slice(0, 24)}`

/**
 * The photos a step would keep, counted against the caller's photo allowance before it runs and
 * given back when it is refused (or lost its race: a simultaneous same call that kept them holds
 * their count, rate-limiter holdShared), so only kept photos count
 * (issue 10, 6: a refusal spends nothing, as a request's note or reply spends nothing). For a step
 * whose rights are checked inside its own write (council follow-through and minutes, a wish's evidence).
 */
export async function withPhotoAllowance<T>(
  { userId, now }: { userId: string; now: number }, itemId: string, photos: readonly string[], step: () => Promise<Result<T>>,
): Promise<Result<T>> {
  if (photos.length === 0) return step()
  const spent = await spendAhead(userId, now, [{ action: 'photo', amount: photos.length, itemKey: photosKeyOf(itemId, photos) }])
  if (spent.refused) return spent.refused
  // A step that fails may yet have written: its count stays (the retry, with the same key, is free).
  const answer = await step()
  if (!answer.ok) await spent.giveBack()
  return answer
}
