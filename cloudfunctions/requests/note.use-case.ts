import type { ActionHandler } from '../shared/runtime/function-entry'
import { refusePhotos } from '../shared/runtime/photos'
import { spendAllowance } from '../shared/runtime/rate-limiter'
import { byCaller, transition } from './transition'

/** A handler's progress note (with photos from the site); the first one starts the work (办理中). */
export const note: ActionHandler<'requests', 'note'> = async (input, ctx) =>
  refusePhotos(input.photos, ctx.actor) ??
  (await spendAllowance(ctx.actor.userId, 'photo', ctx.now, { amount: input.photos?.length ?? 0 })) ??
  transition(input.requestId, ctx, () => byCaller('note', { note: input.note, ...(input.photos && { photos: input.photos }) }))
