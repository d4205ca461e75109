import { z } from 'zod'
import { Proposal, ProposalEvent } from '../../types'
import { Collections } from '../shared/runtime/collections'
import { preloadable } from '../shared/runtime/invocation'
import { versionedStore } from '../shared/runtime/versioned-store'

/**
 * A proposal as stored; `timerDueAt` is its expiry while it gathers co-signers, for the council timer.
 * `proposerHouseholdId`: the household that proposed it, which does not co-sign (kept since issue 11,
 * so a co-signature need not read the proposer's record; older proposals read it).
 */
export const StoredProposal = Proposal.extend({ timerDueAt: z.number().nullable(), recentEvents: z.array(ProposalEvent), proposerHouseholdId: z.string().optional() })
export type StoredProposal = z.infer<typeof StoredProposal>

export function toStoredProposal(proposal: Proposal, events: ProposalEvent[], proposerHouseholdId: string | undefined): StoredProposal {
  return { ...proposal, timerDueAt: proposal.status === 'gathering' ? proposal.expiresAt : null, recentEvents: events, ...(proposerHouseholdId !== undefined && { proposerHouseholdId }) }
}

const store = versionedStore({
  documents: Collections.proposals, events: Collections.proposalEvents, schema: StoredProposal, eventSchema: ProposalEvent, eventKey: 'proposalId', name: 'council',
})

const byId = preloadable(Collections.proposals, (id) => store.load(id))
export const preloadProposalById = byId.start
/** The proposal an action names, read beside the caller's record (function-entry preloads). */
export const preloadProposal = ({ proposalId }: { proposalId: string }) => preloadProposalById(proposalId)
/** The proposal as stored now; a second load in the same invocation reads fresh. */
export const loadProposal = byId.read
export const insertProposal = store.insert
export const proposalTimeline = store.timeline

export async function saveProposal(before: StoredProposal, after: Proposal, events: ProposalEvent[]): Promise<StoredProposal | null> {
  return store.save(before, toStoredProposal(after, events, before.proposerHouseholdId))
}

/** saveProposal, answering once the proposal is written, its events' append under way (runtime/versioned-store.ts write). */
export function writeProposal(before: StoredProposal, after: Proposal, events: ProposalEvent[]) {
  return store.write(before, toStoredProposal(after, events, before.proposerHouseholdId))
}

export const appendProposalEvents = store.appendCommitted
export const appendNewProposalEvents = store.appendEvents
