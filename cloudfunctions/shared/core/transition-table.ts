import type { ErrorCode } from '../../../types/errors'

/**
 * What every lifecycle (a request, a wish) shares: a table of status × action → transition, each
 * saying which relations may take it and on what condition. The machines keep their own tables,
 * effects and events; who may act, and why not, is decided here the same way for all of them.
 */

/** A relation may take a transition outright (true) or only when the entity meets a condition. */
export type Permit<E> = true | ((entity: E) => boolean)

export type Transition<E, S extends string, R extends string> = {
  to: S
  by: Partial<Record<R, Permit<E>>>
  /** A condition on the entity (and the time) for anyone: failing it is a conflict, not a missing right. */
  when?: (entity: E, now: number) => boolean
  /** Whoever holds one of these relations may not take the transition, whatever else they are. */
  never?: readonly R[]
}

export type TransitionTable<E, S extends string, A extends string, R extends string> = Record<S, Partial<Record<A, Transition<E, S, R>>>>

/** Who takes a transition: a person with their relations to the entity, or the system (timer, content safety). */
export type TransitionActor<R extends string> = { id: string; relations: readonly R[] }

export type TransitionFailure = 'WRONG_STATUS' | 'FORBIDDEN' | 'CONFLICT' | 'INVALID_PAYLOAD' | 'NOT_DUE'
export const transitionErrorCode: Record<TransitionFailure, ErrorCode> = {
  WRONG_STATUS: 'CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  INVALID_PAYLOAD: 'INVALID_INPUT',
  NOT_DUE: 'CONFLICT',
}
export type TransitionRefusal = { ok: false; reason: TransitionFailure; detail: string }

/** An effect's own refusal, once the table allowed the step: a bad payload, a lost condition, not due yet. */
export type EffectFailure = { fail: 'INVALID_PAYLOAD' | 'CONFLICT' | 'NOT_DUE'; detail: string }
/** What a step writes: the entity's changed fields and its event's note and details. */
export type Effect<E> = { changes: Partial<E>; note?: string; details?: Record<string, unknown> }
export type EffectContext = { actorId: string; now: number }
export const invalidPayload = (detail: string): EffectFailure => ({ fail: 'INVALID_PAYLOAD', detail })

/** The first of the caller's relations that may take the transition now, or null. */
function permittedAs<E, S extends string, R extends string>(t: Transition<E, S, R>, entity: E, relations: readonly R[]): R | null {
  if (t.never?.some((r) => relations.includes(r))) return null
  for (const relation of relations) {
    const permit = t.by[relation]
    if (permit === true || (permit !== undefined && permit(entity))) return relation
  }
  return null
}

/** The actions open to these relations now, so a client shows buttons without knowing the rules. */
export function availableIn<E, S extends string, A extends string, R extends string>(
  table: TransitionTable<E, S, A, R>, status: S, entity: E, relations: readonly R[], now: number,
): A[] {
  return (Object.entries(table[status]) as [A, Transition<E, S, R>][])
    .filter(([, t]) => permittedAs(t, entity, relations) !== null && (t.when?.(entity, now) ?? true))
    .map(([action]) => action)
}

/** The transition an actor may take, and as which relation, or why not: no such step now, no right, or its condition. */
export function resolveTransition<E, S extends string, A extends string, R extends string>(
  table: TransitionTable<E, S, A, R>, status: S, action: A, entity: E, actor: TransitionActor<R>, now: number,
): { ok: true; transition: Transition<E, S, R>; relation: R } | TransitionRefusal {
  const t = table[status][action]
  if (!t) return { ok: false, reason: 'WRONG_STATUS', detail: `${action} is not possible when ${status}` }
  const relation = permittedAs(t, entity, actor.relations)
  if (relation === null) return { ok: false, reason: 'FORBIDDEN', detail: `${action} is not for ${actor.relations.join('/')}` }
  if (t.when && !t.when(entity, now)) return { ok: false, reason: 'CONFLICT', detail: `${action} is not possible now` }
  return { ok: true, transition: t, relation }
}

/** What every lifecycle's timeline event holds; each machine adds its entity's id field (requestId, wishId, …). */
export type StepEvent<S extends string, A extends string, R extends string> = {
  _id: string; seq: number; at: number; actorId: string; relation: R; action: A; from: S; to: S
  note?: string; details?: Record<string, unknown>
}

/**
 * One step of a lifecycle: the table decides whether the actor may take it, the effect whether the
 * payload and the entity allow it; the entity's version becomes the event's sequence number, so
 * a timeline has no gaps and a concurrent step on the same version loses at the store.
 */
export function takeStep<E extends { _id: string; status: S; version: number; updatedAt: number }, S extends string, A extends string, R extends string, P>(
  table: TransitionTable<E, S, A, R>,
  effect: (entity: E, payload: P, ctx: EffectContext) => Effect<E> | EffectFailure,
  entity: E, action: A, actor: TransitionActor<R>, now: number, payload: P,
): { ok: true; entity: E; event: StepEvent<S, A, R> } | TransitionRefusal {
  const resolved = resolveTransition(table, entity.status, action, entity, actor, now)
  if (!resolved.ok) return resolved
  const effected = effect(entity, payload, { actorId: actor.id, now })
  if ('fail' in effected) return { ok: false, reason: effected.fail, detail: effected.detail }
  const seq = entity.version + 1
  const to = resolved.transition.to
  return {
    ok: true,
    entity: { ...entity, ...effected.changes, status: to, updatedAt: now, version: seq },
    event: {
      _id: `${entity._id}#${seq}`, seq, at: now, actorId: actor.id, relation: resolved.relation, action, from: entity.status, to,
      ...(effected.note !== undefined && { note: effected.note }),
      ...(effected.details !== undefined && { details: effected.details }),
    },
  }
}
