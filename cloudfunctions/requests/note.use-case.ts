import type { ActionHandler } from '../shared/runtime/function-entry'
import { byCaller, transition } from './transition'

/** A handler's progress note (with photos from the site); the first one starts the work (办理中). */
export const note: ActionHandler<'requests', 'note'> = (input, ctx) =>
  transition(input.requestId, ctx, () => byCaller('note', { note: input.note, ...(input.photos && { photos: input.photos }) }))
