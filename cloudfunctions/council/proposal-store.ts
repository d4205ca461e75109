import { z } from 'zod'
import { Proposal, ProposalEvent } from '../../types'
import { Collections } from '../shared/runtime/collections'
import { versionedStore } from '../shared/runtime/versioned-store'

/** A proposal as stored; `timerDueAt` is its expiry while it gathers co-signers, for the council timer. */
export const StoredProposal = Proposal.extend({ timerDueAt: z.number().nullable(), recentEvents: z.array(ProposalEvent) })
export type StoredProposal = z.infer<typeof StoredProposal>

export function toStoredProposal(proposal: Proposal, events: ProposalEvent[]): StoredProposal {
  return { ...proposal, timerDueAt: proposal.status === 'gathering' ? proposal.expiresAt : null, recentEvents: events }
}

const store = versionedStore({
  documents: Collections.proposals, events: Collections.proposalEvents, schema: StoredProposal, eventSchema: ProposalEvent, eventKey: 'proposalId', name: 'council',
})

export const loadProposal = store.load
export const insertProposal = store.insert

export async function saveProposal(before: StoredProposal, after: Proposal, events: ProposalEvent[]): Promise<StoredProposal | null> {
  return store.save(before, toStoredProposal(after, events))
}

export const appendProposalEvents = store.appendCommitted
