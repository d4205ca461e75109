import type { ActionHandler } from '../shared/runtime/function-entry'
import { refuseCoHandlers } from './co-handlers'
import { byCaller, transition } from './transition'

/** 吹哨报到: the community or the street takes it up with the departments named; the owner stays. */
export const escalate: ActionHandler<'requests', 'escalate'> = (input, ctx) =>
  transition(input.requestId, ctx, () => byCaller('escalate', { level: input.level, coHandlerIds: input.coHandlerIds, note: input.note }), {
    verify: (request) => refuseCoHandlers(input.coHandlerIds, request, ctx.now),
  })
