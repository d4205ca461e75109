import type { Request, RequestAction, RequestEvent } from '../../../../types/request.schema'

/**
 * 回访考评 is the resident's word on the work, or, for a resident with no account, an independent
 * call's (12345's 回访 is made by a team that did not handle the case). So nobody who answered for the
 * work rates it or records its 回访: the owner, a co-handler, whoever took a handling step (an earlier
 * owner, a committee member who replied or noted), and the staff member who filed it (代办, 主动治理).
 * Issue 10: a worker filed 代办 naming themselves, replied and rated it 满意, and the grid's 满意率 rose.
 */

/** The steps that make their taker one of the item's handlers. */
const handlingSteps: readonly (RequestEvent['action'])[] = ['accept', 'note', 'transfer', 'escalate', 'refer', 'reply']

/** What rating and 回访 are judged on: the request's people and its timeline. */
export type RatedRequest = Pick<Request, 'ownerId' | 'coHandlerIds' | 'filedBy' | 'reply'>

/** Everyone who answered for the work on this request, by user id. */
export function handlersOf(request: RatedRequest, timeline: readonly Pick<RequestEvent, 'actorId' | 'action'>[]): Set<string> {
  const handlers = new Set<string>(request.coHandlerIds)
  if (request.ownerId !== null) handlers.add(request.ownerId)
  if (request.reply !== null) handlers.add(request.reply.by)
  for (const event of timeline) if (handlingSteps.includes(event.action)) handlers.add(event.actorId)
  return handlers
}

/** The staff member who filed it for someone else; a resident's own filing names no one here. */
const filerOf = (request: RatedRequest): string | null => (request.filedBy.kind === 'resident' ? null : request.filedBy.staffId)

/** The steps this rule guards: the rating (and its 不解决, which reopens) and the 回访 call's record. */
export const ratingSteps: readonly RequestAction[] = ['rate', 'reopen', 'recordCallback']

/**
 * Why this person may not rate the request or record its 回访, in words for them, or null when they
 * may (the machine has already said whether their relation to it allows the step at all).
 */
export function ratingRefusal(request: RatedRequest, timeline: readonly Pick<RequestEvent, 'actorId' | 'action'>[], userId: string): string | null {
  if (filerOf(request) === userId) return '这件诉求是您代为登记的，不能由您来评价或记录回访：请居民本人评价，或请没有经手的同事电话回访'
  if (handlersOf(request, timeline).has(userId)) return '您经手办理了这件诉求，不能由您来评价或记录回访：请居民本人评价，或请没有经手的同事电话回访'
  return null
}

/** The actions the machine offers, less the rating steps this person may not take: what the buttons show. */
export function withoutOwnRating(
  actions: readonly RequestAction[], request: RatedRequest, timeline: readonly Pick<RequestEvent, 'actorId' | 'action'>[], userId: string,
): RequestAction[] {
  if (!actions.some((action) => ratingSteps.includes(action)) || ratingRefusal(request, timeline, userId) === null) return [...actions]
  return actions.filter((action) => !ratingSteps.includes(action))
}
