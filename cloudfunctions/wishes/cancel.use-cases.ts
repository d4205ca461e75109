import type { ActionHandler } from '../shared/runtime/function-entry'
import { transition } from './transition'

/** The resident takes the wish back before anyone claimed it. */
export const withdraw: ActionHandler<'wishes', 'withdraw'> = (input, ctx) =>
  transition(input.wishId, ctx, 'withdraw', () => ({ ...(input.reason !== undefined && { reason: input.reason }) }))

/** After a claim the resident only asks: the member may already be on their way, so the claim stands until they agree. */
export const requestCancel: ActionHandler<'wishes', 'requestCancel'> = (input, ctx) =>
  transition(input.wishId, ctx, 'requestCancel', () => ({ reason: input.reason }))

export const agreeCancel: ActionHandler<'wishes', 'agreeCancel'> = (input, ctx) =>
  transition(input.wishId, ctx, 'agreeCancel', () => ({ ...(input.note !== undefined && { note: input.note }) }))
