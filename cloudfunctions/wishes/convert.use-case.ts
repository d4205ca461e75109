import type { Failure } from '../../types'
import { fileRequest } from '../requests/filing'
import { loadRequest, requestIdFor } from '../requests/request-store'
import type { ActionHandler, UseCaseContext } from '../shared/runtime/function-entry'
import { answerDetail, factsOf, transition, visibleWish } from './transition'
import type { StoredWish } from './wish-store'

/** One conversion key per wish: the request's id follows from it and the reviewer, so a retry files once. */
const conversionKey = (wishId: string) => `wish-${wishId.replace(/^wish-/, '').slice(0, 59)}`

/**
 * Files the 有困难找居村 request the wish became, for the wisher (they follow and rate it like any of
 * their requests), routed by the category the reviewer chose. The photos stay on the wish, which the
 * request names (filedBy.wishId): they are the resident's uploads, and a request keeps only its
 * filer's own.
 */
async function fileFor(wish: StoredWish, category: Parameters<typeof fileRequest>[0]['category'], ctx: UseCaseContext) {
  return fileRequest(
    {
      idempotencyKey: conversionKey(wish._id),
      category,
      text: wish.text,
      photos: [],
      place: wish.place,
      ...(wish.contact.phone !== undefined && { contactPhone: wish.contact.phone }),
      residentId: wish.wisherId,
      filedBy: { kind: 'fromWish', staffId: ctx.actor.userId, wishId: wish._id },
    },
    ctx,
  )
}

/**
 * 核实 finds it is really a job for the committee (issue 7 Review): the wish closes as converted,
 * naming the request, and the request names the wish — "the link is kept both ways". The wish is
 * written first (one reviewer wins the race), then the request is filed, beside the wish's events
 * and notices. A conversion whose filing was lost is filed when the same reviewer tries again.
 */
export const convert: ActionHandler<'wishes', 'convert'> = async (input, ctx) => {
  const requestId = requestIdFor(ctx.actor.userId, conversionKey(input.wishId))
  const file = async (wish: StoredWish): Promise<Failure | null> => {
    const filed = await fileFor(wish, input.category, ctx)
    return filed.ok ? null : filed
  }
  // The wish's write just won, so no conversion of it went in before: no request of it to look for.
  const converted = await transition(input.wishId, ctx, 'convert', () => ({ requestId }), { then: file })
  if (converted.ok) return converted
  // Refused: a retry of this reviewer's conversion finds the wish converted to this very request.
  const facts = await factsOf(ctx)
  const wish = await visibleWish(input.wishId, ctx, facts)
  if (!wish || wish.status !== 'converted' || wish.convertedTo !== requestId) return converted
  if (!(await loadRequest(requestId))) {
    const refused = await file(wish)
    if (refused) return refused
  }
  return answerDetail(wish, ctx, facts)
}
