import { failure, success, type Failure, type Request, type RequestAction, type RequestDetail, type RequestEvent, type Result } from '../../types'
import type { Actor } from '../shared/core/actor'
import type { TransitionPayloads } from '../shared/core/request/request-effects'
import { applyTransition, SYSTEM } from '../shared/core/request/request.machine'
import { transitionErrorCode } from '../shared/core/transition-table'
import { relationsTo, transitionActor, visibility } from '../shared/core/request/request-policy'
import type { UseCaseContext } from '../shared/runtime/function-entry'
import { notify, prepareNotify } from './notify'
import { checkPhotos, clearPhotoChecks, photosOf } from './photo-checks'
import { loadRequest, timelineOf, writeTransition, type StoredRequest } from './request-store'
import { detailOf, prepareDetail } from './request-view'

/** One step through the machine, taken by the caller or by the system (dispatch after a release). */
export type Step = { [A in RequestAction]: { action: A; by: 'caller' | 'system'; payload: TransitionPayloads[A] } }[RequestAction]

export type Stepped = { ok: true; request: Request; events: RequestEvent[] }

/** Several steps in memory, each through applyTransition; the first refusal refuses them all. */
export function runSteps(request: Request, steps: readonly Step[], actor: Actor, now: number): Stepped | Failure {
  let current = request
  const events: RequestEvent[] = []
  for (const step of steps) {
    const who = step.by === 'system' ? SYSTEM : transitionActor(actor, current)
    const outcome = applyTransition(current, step.action, who, now, step.payload as never)
    if (!outcome.ok) return failure(transitionErrorCode[outcome.reason], outcome.detail)
    current = outcome.request
    events.push(outcome.event)
  }
  return { ok: true, request: current, events }
}

type Plan = (request: StoredRequest) => Step[]
type Options = {
  /** Facts beyond the request, checked once the machine agreed (so a refusal is told first). */
  verify?: (request: StoredRequest) => Promise<Failure | null>
  /** Re-reads after a lost race, for steps that commute (a +1); an accept must not retry. */
  retries?: number
}

export const conflict = () => failure('CONFLICT', '这条诉求刚刚有了变化，请刷新后再试')

/**
 * The one way a use case changes a request: read it, let the plan name the steps, run them through
 * the machine, write the result and its events conditionally on the version read. A request
 * the caller may not see is NOT_FOUND, not FORBIDDEN: its existence is not theirs to learn.
 */
export async function commit(
  requestId: string,
  { actor, now }: UseCaseContext,
  plan: Plan,
  { verify, retries = 0 }: Options = {},
): Promise<Result<{ stored: StoredRequest; events: RequestEvent[] }>> {
  for (let attempt = 0; ; attempt++) {
    const stored = await loadRequest(requestId)
    if (!stored || visibility(stored, relationsTo(actor, stored)) === 'none') return failure('NOT_FOUND', '没有找到这条诉求')
    const outcome = runSteps(stored, plan(stored), actor, now)
    if (!outcome.ok) return outcome
    const refused = verify && (await verify(stored))
    if (refused) return refused
    // Allowed: the photos' media checks made ready beside the caller's record go out beside the write.
    void clearPhotoChecks(photosOf(outcome.events, outcome.request))
    // What the answer and the notices will read of the state about to be written goes out with the
    // write (names, the owner's line, a unit's staff), so that after it only the writes remain.
    prepareDetail({ ...outcome.request, linkedTopicIds: stored.linkedTopicIds }, actor, now, timelineOf(stored).then((events) => [...events, ...outcome.events]))
    prepareNotify(outcome.events, outcome.request, now)
    const written = await writeTransition(stored, outcome.request, outcome.events)
    if (written) return success({ stored: written, events: outcome.events })
    if (attempt >= retries) return conflict()
  }
}

/** commit, tell those concerned, send the photos it kept to the media check, and answer the detail. */
export async function transition(requestId: string, ctx: UseCaseContext, plan: Plan, options: Options = {}): Promise<Result<RequestDetail>> {
  const committed = await commit(requestId, ctx, plan, options)
  if (!committed.ok) return committed
  const { stored, events } = committed.data
  // Committed, its events on its timeline: telling, the photos' check and the answer's reads do not
  // wait on each other (the answer's timeline is the one written, not read again).
  const [, , detail] = await Promise.all([
    notify(events, stored, ctx.now),
    checkPhotos(events, stored, ctx.actor.userId, ctx.now),
    detailOf(stored, ctx.actor, ctx.now),
  ])
  return success(detail)
}

/** The common case: one step by the caller. */
export const byCaller = <A extends RequestAction>(action: A, payload: TransitionPayloads[A]): Step[] =>
  [{ action, by: 'caller', payload } as Step]
