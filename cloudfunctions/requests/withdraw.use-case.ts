import type { ActionHandler } from '../shared/runtime/function-entry'
import { byCaller, transition } from './transition'

/** Before anyone accepts it, the resident may take it back (the machine says when). */
export const withdraw: ActionHandler<'requests', 'withdraw'> = (input, ctx) =>
  transition(input.requestId, ctx, () => byCaller('withdraw', { note: input.note }))
