import {
  RequestStatus, type Request, type RequestAction, type RequestEvent, type RequestRelation,
} from '../../../../types/request.schema'
import {
  availableIn, takeStep, type Permit as PermitOf, type Transition as TransitionOf, type TransitionActor as ActorOf,
  type TransitionRefusal,
} from '../transition-table'
import { effects, type TransitionPayloads } from './request-effects'

type Permit = PermitOf<Request>
export type Transition = TransitionOf<Request, RequestStatus, RequestRelation>

const unowned: Permit = (r) => r.ownerId === null
/**
 * 代办 for someone without the app, or 主动治理: the committee rates on the 回访 call, as 12345 does. Who
 * among those relations filed or handled the item is history, not a relation: rater-policy.ts refuses them.
 */
const noResidentAccount: Permit = (r) => r.residentId === null
const belowStreet = (r: Request) => r.escalation !== 'street'

const system = { system: true } as const
const handlers = { owner: true, committee: true, streetAdmin: true } as const
const working = { owner: true, coHandler: true, committee: true, streetAdmin: true } as const
const rater: Transition['by'] = { requester: true, committee: noResidentAccount }
const reviewers = { committee: true, streetAdmin: true } as const
const neighbours = { other: true } as const

/** The timer's 催办 and 督办 and a neighbour's +1 leave the status as it is. */
const running = (status: RequestStatus) => ({
  remind: { to: status, by: system },
  supervise: { to: status, by: system },
  follow: { to: status, by: neighbours },
})

/** Every handling step after acceptance: the first one starts the work (办理中). */
const handling = (status: 'accepted' | 'inProgress' | 'escalated') => {
  const onward = status === 'accepted' ? 'inProgress' : status
  return {
    note: { to: onward, by: working },
    transfer: { to: onward, by: handlers },
    escalate: { to: 'escalated', by: { owner: true, committee: true }, when: belowStreet },
    refer: { to: 'referred', by: handlers },
    reply: { to: 'replied', by: { owner: true, committee: true } },
    ...running(status),
  } satisfies Partial<Record<RequestAction, Transition>>
}

const callback = (status: 'replied' | 'closed' | 'closedUnrated') => ({ recordCallback: { to: status, by: working } })

/**
 * The request lifecycle of docs/DOMAIN.md, the only door to a new status. 首接负责: dispatch names the first
 * responder and accepting fixes the owner (the committee may take over an item nobody answered);
 * after that transfer and escalation add co-handlers and the owner stays to the end.
 */
export const requestTransitions: Record<RequestStatus, Partial<Record<RequestAction, Transition>>> = {
  submitted: {
    dispatch: { to: 'dispatched', by: system },
    flag: { to: 'inReview', by: system },
    withdraw: { to: 'withdrawn', by: { requester: true } },
  },
  inReview: {
    release: { to: 'submitted', by: reviewers },
    reject: { to: 'rejected', by: reviewers },
    refer: { to: 'referred', by: reviewers },
    withdraw: { to: 'withdrawn', by: { requester: true } },
  },
  dispatched: {
    accept: { to: 'accepted', by: { owner: true, gridStaff: unowned, committee: true, streetAdmin: true } },
    refer: { to: 'referred', by: handlers },
    withdraw: { to: 'withdrawn', by: { requester: true } },
    ...running('dispatched'),
  },
  accepted: handling('accepted'),
  inProgress: handling('inProgress'),
  escalated: handling('escalated'),
  replied: {
    rate: { to: 'closed', by: rater },
    // 不解决 reopens and escalates (接诉即办: 重办, one level up).
    reopen: { to: 'escalated', by: rater },
    autoClose: { to: 'closedUnrated', by: system },
    ...callback('replied'),
  },
  closed: callback('closed'),
  closedUnrated: callback('closedUnrated'),
  withdrawn: {},
  referred: {},
  rejected: {},
}

const statuses = RequestStatus.options
const leaves = (s: RequestStatus) => Object.values(requestTransitions[s]).some((t) => t.to !== s)
/** Open: some transition still leads elsewhere. A 回访 after closing records a call, it reopens nothing. */
export const openStatuses: readonly RequestStatus[] = statuses.filter(leaves)
export const closedStatuses: readonly RequestStatus[] = statuses.filter((s) => !leaves(s))
/** Where a neighbour may +1 instead of filing again: what duplicates show. */
export const followableStatuses: readonly RequestStatus[] = statuses.filter((s) => requestTransitions[s].follow !== undefined)

/** The server answers each item with these, so the client shows buttons without knowing the rules. */
export function availableActions(request: Request, relations: readonly RequestRelation[], now: number): RequestAction[] {
  return availableIn(requestTransitions, request.status, request, relations, now)
}

/** request-policy.ts transitionActor builds it for a person; the timer and content safety are SYSTEM. */
export type TransitionActor = ActorOf<RequestRelation>
export const SYSTEM: TransitionActor = { id: 'system', relations: ['system'] }

export type TransitionOutcome = { ok: true; request: Request; event: RequestEvent } | TransitionRefusal

export function applyTransition<A extends RequestAction>(
  request: Request, action: A, actor: TransitionActor, now: number, payload: TransitionPayloads[A],
): TransitionOutcome {
  const step = takeStep(requestTransitions, effects[action], request, action, actor, now, payload)
  return step.ok ? { ok: true, request: step.entity, event: { ...step.event, requestId: request._id } } : step
}
