import type { WishEvent } from '../../types'
import { closedWishStatuses, openWishStatuses } from '../shared/core/wish/wish.machine'
import { deliverCommitted } from '../shared/runtime/notifications'
import { sendPhotosToCheck } from '../shared/runtime/photos'
import { claimSlots } from './claim-slots'
import { claimerOf, creditConfirmation } from './ledger'
import { wishMessages } from './notify'
import { openWishSlots, slotHolderOf } from './open-wish-slots'
import type { StoredWish } from './wish-store'

/** The photos a write kept: the wish's own at posting, the claimer's evidence at fulfilment. */
function photosKept(events: readonly WishEvent[], wish: Pick<StoredWish, 'photos'>): string[] {
  return events.flatMap((event) => {
    if (event.action === 'post') return wish.photos
    const photos = event.details?.photos
    return event.action === 'fulfil' && Array.isArray(photos) ? photos.filter((p): p is string => typeof p === 'string') : []
  })
}

const logged = (what: string, wishId: string) => (error: unknown) => console.error(`[wishes] ${what} for ${wishId}`, error)

/**
 * What follows a wish's write once it has gone in (a post, a transition, the timer's step): the
 * claim's slot back when the claim is no longer live, the household's slot back when the wish
 * closes, the credit a confirmation earns, the new photos to WeChat's media check, and the notices.
 * The write stands whatever happens here: a slot left behind is freed by the next take
 * (runtime/slots.ts), credits are written again by a retried confirm, a failed notice is logged.
 *
 * Prepared before the write: its reads (who is told, the claimer a confirmation credits) follow from
 * the outcome alone, so a transition sends them beside its versioned update, and the writes it
 * answers with go out once the update has gone in. Reads for a write that lost are wasted; nothing
 * is written for it.
 */
export function prepareAfterWishWrite(before: StoredWish | null, after: StoredWish, events: readonly WishEvent[], now: number): () => Promise<void> {
  const messages = wishMessages(events, after, now)
  const confirmed = events.some((event) => event.to === 'realised')
  const claimer = confirmed ? claimerOf(after) : null
  // Awaited only once the write has gone in; unawaited after a lost race.
  messages.catch(() => undefined)
  claimer?.catch(() => undefined)
  return async () => {
    const work: Promise<unknown>[] = []
    const heldClaim = before?.status === 'claimed' ? before.claim : null
    if (heldClaim && !(after.status === 'claimed' && after.claim?.memberId === heldClaim.memberId)) {
      work.push(claimSlots.free(heldClaim.memberId, after._id).catch(logged('freeing the claim slot', after._id)))
    }
    if (closedWishStatuses.includes(after.status) && (before === null || openWishStatuses.includes(before.status))) {
      work.push(openWishSlots.free(slotHolderOf(after), after._id).catch(logged('freeing the household slot', after._id)))
    }
    if (claimer) work.push(creditConfirmation(events, after, claimer).catch(logged('crediting the confirmation', after._id)))
    const photos = photosKept(events, after)
    const author = events.find((event) => event.action === 'post' || event.action === 'fulfil')?.actorId
    if (photos.length > 0 && author) work.push(sendPhotosToCheck(photos, 'wish', after._id, author, now))
    work.push(deliverCommitted(messages, `[wishes.notify] ${after._id}`))
    await Promise.all(work)
  }
}
