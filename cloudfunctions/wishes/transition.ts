import { failure, success, type Result, type WishAction, type WishDetail } from '../../types'
import { transitionErrorCode } from '../shared/core/transition-table'
import { applyWishTransition, type WishPayloads } from '../shared/core/wish/wish.machine'
import { wishActor, wishRelationsTo, wishVisibility, type MemberFacts } from '../shared/core/wish/wish-policy'
import { loadDirectory } from '../shared/runtime/directory-cache'
import type { UseCaseContext } from '../shared/runtime/function-entry'
import { afterWishWrite } from './after-write'
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
): Promise<Result<WishDetail>> {
  const facts = await factsOf(ctx)
  const stored = await visibleWish(wishId, ctx, facts)
  if (!stored) return notFound()
  const outcome = applyWishTransition(stored, action, wishActor(ctx.actor, stored, facts), ctx.now, await payloadOf(stored))
  if (!outcome.ok) return failure(transitionErrorCode[outcome.reason], outcome.detail)
  const written = await writeTransition(stored, outcome.wish, [outcome.event])
  if (!written) return conflict()
  const saved = written.saved
  // Written: the events' append, what follows the write and the answer's reads do not wait on each
  // other (the timeline merges the document's recentEvents, so it shows this step's event).
  const [, , seen] = await Promise.all([written.appended, afterWishWrite(stored, saved, [outcome.event], ctx.now), detailOf(saved, ctx.actor, facts, ctx.now)])
  const detail = seen ?? (await detailOf(saved, ctx.actor, facts, ctx.now, wishRelationsTo(ctx.actor, stored, facts)))
  return detail ? success(detail) : notFound()
}
