import type { Failure, Result, WishDetail } from '../../types'
import type { ActionHandler, UseCaseContext } from '../shared/runtime/function-entry'
import { refusePhotos } from '../shared/runtime/photos'
import { withPhotoAllowance } from '../shared/runtime/photo-allowance'
import { creditConfirmation } from './ledger'
import { answerDetail, factsOf, transition, visibleWish } from './transition'
import { timelineOf } from './wish-store'

/** The claimer marks it done with a note and their own photos as evidence; the resident is asked to confirm. */
export const fulfil: ActionHandler<'wishes', 'fulfil'> = async (input, ctx) =>
  refusePhotos(input.photos, ctx.actor) ??
  withPhotoAllowance({ userId: ctx.actor.userId, now: ctx.now }, `fulfil-${input.wishId}`, input.photos, () =>
    transition(input.wishId, ctx, 'fulfil', () => ({ note: input.note, photos: input.photos })))

/**
 * A confirmation sent again after it went in (a retry on a weak signal, a second tap): the same
 * person's confirmation is answered as done, and its credit written again — ids from the confirming
 * event, so the ledger credits once (issue 7: "confirm retried 10× credits once") and a credit whose
 * write was lost lands now. Anyone else's retry keeps the CONFLICT.
 */
async function confirmedAgain(wishId: string, ctx: UseCaseContext, refused: Failure): Promise<Result<WishDetail>> {
  if (refused.code !== 'CONFLICT') return refused
  const facts = await factsOf(ctx)
  const wish = await visibleWish(wishId, ctx, facts)
  if (!wish || wish.status !== 'realised' || wish.confirmation?.by !== ctx.actor.userId) return refused
  await creditConfirmation(await timelineOf(wish), wish)
  return answerDetail(wish, ctx, facts)
}

/** The resident confirms with an optional thank-you and rating: realised, credited, on the wish wall. */
export const confirm: ActionHandler<'wishes', 'confirm'> = async (input, ctx) => {
  const payload = { ...(input.thanks !== undefined && { thanks: input.thanks }), ...(input.rating !== undefined && { rating: input.rating }) }
  const result = await transition(input.wishId, ctx, 'confirm', () => payload)
  return result.ok ? result : confirmedAgain(input.wishId, ctx, result)
}

/** The grid worker confirms for a resident who does not use the phone much, after a visit or a call — never the claimer (wish.machine). */
export const confirmByVisit: ActionHandler<'wishes', 'confirmByVisit'> = async (input, ctx) => {
  const result = await transition(input.wishId, ctx, 'confirmByVisit', () => ({ via: input.via, note: input.note }))
  return result.ok ? result : confirmedAgain(input.wishId, ctx, result)
}
