import type { ActionHandler } from '../shared/runtime/function-entry'
import { refuseOwnRating } from './independent-rating'
import { byCaller, transition } from './transition'

/**
 * 回访: a follow-up phone call and what it found, on the timeline; the status stays. Made by someone who
 * did not file or handle the item (rater-policy.ts), as 12345's 回访 is.
 */
export const recordCallback: ActionHandler<'requests', 'recordCallback'> = (input, ctx) =>
  transition(input.requestId, ctx, () => byCaller('recordCallback', { reached: input.reached, note: input.note }), {
    verify: refuseOwnRating(ctx.actor.userId),
  })
