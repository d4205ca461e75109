import type { ActionHandler } from '../shared/runtime/function-entry'
import { byCaller, transition } from './transition'

/** 回访: a follow-up phone call and what it found, on the timeline; the status stays. */
export const recordCallback: ActionHandler<'requests', 'recordCallback'> = (input, ctx) =>
  transition(input.requestId, ctx, () => byCaller('recordCallback', { reached: input.reached, note: input.note }))
