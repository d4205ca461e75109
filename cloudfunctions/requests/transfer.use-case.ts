import type { ActionHandler } from '../shared/runtime/function-entry'
import { refuseCoHandlers } from './co-handlers'
import { byCaller, transition } from './transition'

/** Brings in a co-handler (a colleague, the property company); the owner stays the owner (首接负责). */
export const transfer: ActionHandler<'requests', 'transfer'> = (input, ctx) =>
  transition(input.requestId, ctx, () => byCaller('transfer', { toUserId: input.toUserId, note: input.note }), {
    verify: (request) => refuseCoHandlers([input.toUserId], request, ctx.now),
  })
