import type { ActionHandler } from '../shared/runtime/function-entry'
import { widenAtOf } from '../shared/core/wish/wish-times'
import { settings } from '../shared/runtime/settings'
import { transition } from './transition'

/**
 * 核实 by the committee of the wish's community or the grid's worker (the machine says who, and that
 * nobody reviews their own): publish with the public summary the wall shows, or return with the
 * reason the resident reads. Both texts are screened by content safety before this runs (index.ts).
 */
export const review: ActionHandler<'wishes', 'review'> = async (input, ctx) =>
  input.decision === 'publish'
    ? transition(input.wishId, ctx, 'publish', () => ({ summary: input.summary, widenAt: widenAtOf(ctx.now, settings().wishes) }))
    : transition(input.wishId, ctx, 'return', () => ({ reason: input.reason }))
