import { dueTimes } from '../shared/core/request/deadlines'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { settings } from '../shared/runtime/settings'
import { transition } from './transition'

/**
 * The committee's content review of a flagged item: released, it is dispatched at once with its
 * deadlines counted from now (the resident's clock starts when someone can act); rejected, it closes
 * with the reason the resident reads.
 */
export const review: ActionHandler<'requests', 'review'> = (input, ctx) =>
  transition(input.requestId, ctx, (request) =>
    input.decision === 'release'
      ? [
          { action: 'release', by: 'caller', payload: { note: input.note } },
          { action: 'dispatch', by: 'system', payload: { deadlines: dueTimes(request.category, ctx.now, settings().deadlines) } },
        ]
      : [{ action: 'reject', by: 'caller', payload: { reason: input.reason } }],
  )
