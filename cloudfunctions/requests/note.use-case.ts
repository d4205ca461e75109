import { notesFull } from '../shared/core/request/staff-notes'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { refusePhotos } from '../shared/runtime/photos'
import { withPhotosCounted } from './photo-allowance'
import { byCaller, transition } from './transition'

/**
 * A handler's progress note (with photos from the site); the first one starts the work (办理中). The
 * caller says each time whether it is for staff only or told to the resident (staff-notes.ts), and
 * a request holds at most so many (notesFull).
 */
export const note: ActionHandler<'requests', 'note'> = async (input, ctx) =>
  refusePhotos(input.photos, ctx.actor) ??
  withPhotosCounted(input, ctx, (verify) => transition(input.requestId, ctx, () => byCaller('note', { note: input.note, visibleTo: input.visibleTo, ...(input.photos && { photos: input.photos }) }), {
    verify: async (stored) => notesFull(stored.timeline) ?? (await verify()),
  }))
