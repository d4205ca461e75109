import { failure, success, type Failure, type Result, type WishAction, type WishDetail } from '../../types'
import { transitionErrorCode } from '../shared/core/transition-table'
import { applyWishTransition, type WishPayloads } from '../shared/core/wish/wish.machine'
import { wishActor, wishRelationsTo, wishVisibility, type MemberFacts } from '../shared/core/wish/wish-policy'
import { loadDirectory } from '../shared/runtime/directory-cache'
import type { UseCaseContext } from '../shared/runtime/function-entry'
import { prepareAfterWishWrite } from './after-write'
import { memberFactsOf } from './members'
import { loadWish, writeTransition, type StoredWish } from './wish-store'
import { detailOf } from './wish-view'

export const notFound = () => failure('NOT_FOUND', '没有找到这个心愿')
export const conflict = () => failure('CONFLICT', '这个心愿刚刚有了变化，请刷新后再试')

export async function factsOf(ctx: UseCaseContext): Promise<MemberFacts> {
  return memberFactsOf(ctx.actor, await loadDirectory(ctx.now))
}

/** The wish, if the caller may know of it: one they may not is NOT_FOUND, not FORBIDDEN. */
export async function visibleWish(wishId: string, ctx: UseCaseContext, facts: MemberFacts): Promise<StoredWish | null> {
  const stored = await loadWish(wishId)
  return stored && wishVisibility(stored, wishRelationsTo(ctx.actor, stored, facts)) !== 'none' ? stored : null
}

export async function answerDetail(stored: StoredWish, ctx: UseCaseContext, facts: MemberFacts): Promise<Result<WishDetail>> {
  const detail = await detailOf(stored, ctx.actor, facts, ctx.now)
  return detail ? success(detail) : notFound()
}

/** An action's own step once the wish's write has gone in, beside its events and notices; a failure is answered instead of the detail (the write stands). */
export type FollowOn = { then?: (before: StoredWish) => Promise<Failure | null> }

/**
 * The one way a use case changes a wish: read it, run the action through the machine as the caller
 * stands to it (wish-policy wishActor), write the result conditionally on the version read, append
 * the events, do what follows the write (after-write.ts), and answer the detail. No retry after a
 * lost race: a claim that lost must not try again.
 */
export async function transition<A extends WishAction>(
  wishId: string,
  ctx: UseCaseContext,
  action: A,
  payloadOf: (stored: StoredWish) => WishPayloads[A] | Promise<WishPayloads[A]>,
  followOn: FollowOn = {},
): Promise<Result<WishDetail>> {
  const facts = await factsOf(ctx)
  const stored = await visibleWish(wishId, ctx, facts)
  if (!stored) return notFound()
  const outcome = applyWishTransition(stored, action, wishActor(ctx.actor, stored, facts), ctx.now, await payloadOf(stored))
  if (!outcome.ok) return failure(transitionErrorCode[outcome.reason], outcome.detail)
  const events = [outcome.event]
  const { stored: after, written } = writeTransition(stored, outcome.wish, events)
  // Beside the versioned update (one round trip): what follows the write and the answer read only
  // what the outcome names (who is told, the claimer a confirmation credits, names, the photos'
  // verdicts), and the answer's timeline is the one the write reads. On a lost race those reads are
  // wasted and nothing is written: the contact's look is logged only for an answer given. A step
  // that ends the caller's sight of the wish (a claimer agreeing to cancel) is answered as they stood
  // when they took it (wish-view detailOf actedAs).
  const followUp = prepareAfterWishWrite(stored, after, events, ctx.now)
  const seen = wishRelationsTo(ctx.actor, after, facts)
  const relations = wishVisibility(after, seen) === 'none' ? wishRelationsTo(ctx.actor, stored, facts) : seen
  const answer = detailOf(after, ctx.actor, facts, ctx.now, relations, written.then((outcome) => outcome !== null))
  answer.catch(() => undefined)
  const went = await written
  if (!went) return conflict()
  // Written: the events' append, what follows the write and the answer go out together (the timeline
  // merges this step's events, so it shows them before their append lands).
  const [, , detail, refused] = await Promise.all([went.appended, followUp(), answer, followOn.then?.(stored) ?? null])
  if (refused) return refused
  return detail ? success(detail) : notFound()
}
