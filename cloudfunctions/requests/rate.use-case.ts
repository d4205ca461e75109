import { resolveDueAt } from '../shared/core/request/deadlines'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { settings } from '../shared/runtime/settings'
import { refuseOwnRating } from './independent-rating'
import { byCaller, transition } from './transition'

/**
 * 回访考评: the resident's rating closes the item; 不解决 instead reopens it one level up with a full
 * resolve window again (重办). One action for the rating form, two doors in the machine. Nobody who
 * filed or handled the item rates it (rater-policy.ts).
 */
export const rate: ActionHandler<'requests', 'rate'> = ({ requestId, ...rating }, ctx) =>
  transition(
    requestId,
    ctx,
    (request) =>
      rating.outcome === 'unresolved'
        ? byCaller('reopen', { ...rating, resolveBy: resolveDueAt(request.category, ctx.now, settings().deadlines) })
        : byCaller('rate', rating),
    { verify: refuseOwnRating(ctx.actor.userId) },
  )
