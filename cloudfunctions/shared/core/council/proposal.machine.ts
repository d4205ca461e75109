import {
  GATHERING_DAYS, ProposalStatus, type Proposal, type ProposalAction, type ProposalEvent, type ProposalRelation,
} from '../../../../types/council.schema'
import {
  availableIn, invalidPayload, takeStep, type Effect, type EffectContext, type EffectFailure, type Transition as TransitionOf,
  type TransitionActor, type TransitionRefusal,
} from '../transition-table'

export type ProposalTransition = TransitionOf<Proposal, ProposalStatus, ProposalRelation>

const DAY_MS = 86_400_000
const system = { system: true } as const
const stillGathering = (p: Proposal, now: number) => now < p.expiresAt
const gatheringOver = (p: Proposal, now: number) => now >= p.expiresAt

/**
 * A resident proposal of issue 8, the only door to a new status: gathering co-signers → before the
 * committee (the threshold reached in time) → accepted (it becomes a topic) or declined with a reason
 * everyone can read; expired when the 14 days run out first; withdrawn by its proposer while gathering.
 * A co-signature is not a step: it is a document of its own, one per unit, counted by the use case.
 */
export const proposalTransitions: Record<ProposalStatus, Partial<Record<ProposalAction, ProposalTransition>>> = {
  gathering: {
    reachThreshold: { to: 'awaitingDecision', by: system, when: stillGathering },
    expire: { to: 'expired', by: system, when: gatheringOver },
    withdraw: { to: 'withdrawn', by: { proposer: true } },
  },
  awaitingDecision: {
    // Nobody decides on their own proposal, not even a committee member who proposed as a resident.
    accept: { to: 'accepted', by: { committee: true }, never: ['proposer'] },
    decline: { to: 'declined', by: { committee: true }, never: ['proposer'] },
  },
  accepted: {},
  declined: {},
  expired: {},
  withdrawn: {},
}

export const openProposalStatuses: readonly ProposalStatus[] = ProposalStatus.options.filter((s) => Object.values(proposalTransitions[s]).some((t) => t.to !== s))

export type ProposalPayloads = {
  /** The signatures counted by the use case, at least the threshold. */
  reachThreshold: { signatures: number }
  /** The topic the accepted proposal became. */
  accept: { topicId: string }
  decline: { reason: string }
  expire: Record<string, never>
  withdraw: Record<string, never>
}

const effects: { [A in ProposalAction]: (p: Proposal, payload: ProposalPayloads[A], ctx: EffectContext) => Effect<Proposal> | EffectFailure } = {
  reachThreshold: (p, { signatures }) =>
    signatures < p.threshold ? { fail: 'CONFLICT', detail: `${signatures} of ${p.threshold} signatures` } : { changes: {}, details: { signatures } },
  accept: (_p, { topicId }, { actorId }) => (topicId.trim() === '' ? invalidPayload('an accepted proposal names its topic') : { changes: { topicId, decidedBy: actorId }, details: { topicId } }),
  decline: (_p, { reason }, { actorId }) => (reason.trim() === '' ? invalidPayload('a decline gives the reason everyone reads') : { changes: { reason, decidedBy: actorId }, note: reason }),
  expire: () => ({ changes: {} }),
  withdraw: () => ({ changes: {} }),
}

export function availableProposalActions(proposal: Proposal, relations: readonly ProposalRelation[], now: number): ProposalAction[] {
  return availableIn(proposalTransitions, proposal.status, proposal, relations, now)
}

export type ProposalActor = TransitionActor<ProposalRelation>
export const PROPOSAL_SYSTEM: ProposalActor = { id: 'system', relations: ['system'] }
export type ProposalTransitionOutcome = { ok: true; proposal: Proposal; event: ProposalEvent } | TransitionRefusal

export function applyProposalTransition<A extends ProposalAction>(
  proposal: Proposal, action: A, actor: ProposalActor, now: number, payload: ProposalPayloads[A],
): ProposalTransitionOutcome {
  const step = takeStep(proposalTransitions, effects[action], proposal, action, actor, now, payload)
  return step.ok ? { ok: true, proposal: step.entity, event: { ...step.event, proposalId: proposal._id } } : step
}

export type ProposalDraft = Pick<Proposal, '_id' | 'proposerId' | 'communityId' | 'streetId' | 'scope' | 'title' | 'background' | 'threshold'>

/** A proposal is born gathering, with 14 days to reach its threshold; the proposer's own signature is the first. */
export function newProposal(draft: ProposalDraft, now: number): { proposal: Proposal; event: ProposalEvent } {
  const proposal: Proposal = {
    ...draft, expiresAt: now + GATHERING_DAYS * DAY_MS, status: 'gathering', decidedBy: null, reason: null, topicId: null, createdAt: now, updatedAt: now, version: 0,
  }
  const event: ProposalEvent = { _id: `${draft._id}#0`, proposalId: draft._id, seq: 0, at: now, actorId: draft.proposerId, relation: 'proposer', action: 'propose', from: null, to: 'gathering' }
  return { proposal, event }
}

/**
 * Issue 8 Proposals: "default: 10 households or 5% of units, the committee's setting" — whichever is
 * fewer, so a small courtyard of 40 households needs 2 and an estate of 2,000 needs 10; at least 1.
 */
export function defaultThreshold(unitsInScope: number, setting: { households?: number; percent?: number } = {}): number {
  const households = setting.households ?? 10
  const percent = setting.percent ?? 5
  return Math.max(1, Math.min(households, Math.ceil((unitsInScope * percent) / 100)))
}
