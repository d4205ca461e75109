import type { ActionHandler } from '../shared/runtime/function-entry'
import { byCaller, transition } from './transition'

/** Out of scope (a court case, an emergency): closed with where to go instead, never silently dropped. */
export const refer: ActionHandler<'requests', 'refer'> = (input, ctx) =>
  transition(input.requestId, ctx, () => byCaller('refer', { scope: input.scope, note: input.note }))
