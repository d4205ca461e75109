import type { ActionHandler } from '../shared/runtime/function-entry'
import { byCaller, transition } from './transition'

/** The result, with photos; the resident's 7 days to rate start now. */
export const reply: ActionHandler<'requests', 'reply'> = (input, ctx) =>
  transition(input.requestId, ctx, () => byCaller('reply', { text: input.text, photos: input.photos }))
