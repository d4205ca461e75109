import type { ActionHandler } from '../shared/runtime/function-entry'
import { refusePhotos } from '../shared/runtime/photos'
import { withPhotosCounted } from './photo-allowance'
import { byCaller, transition } from './transition'

/** The result, with photos; the resident's 7 days to rate start now. */
export const reply: ActionHandler<'requests', 'reply'> = async (input, ctx) =>
  refusePhotos(input.photos, ctx.actor) ??
  withPhotosCounted(input, ctx, (verify) => transition(input.requestId, ctx, () => byCaller('reply', { text: input.text, photos: input.photos }), {
    verify,
  }))
