import type { ActionHandler } from '../shared/runtime/function-entry'
import { byCaller, transition } from './transition'

/**
 * 即时答复: the first responder answers, and owns the item to the end. No retry on a lost race: of two
 * staff accepting at once, the second finds the version moved and is told CONFLICT.
 */
export const accept: ActionHandler<'requests', 'accept'> = (input, ctx) =>
  transition(input.requestId, ctx, () => byCaller('accept', { note: input.note }))
