import { z } from 'zod'
import { Proposal, ProposalEvent } from '../../types'
import { Collections } from '../shared/runtime/collections'
import { preload, takePreloaded } from '../shared/runtime/invocation'
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

const preloadKey = (id: string) => `${Collections.proposals}/${id}`
/** The proposal an action names, read beside the caller's record (function-entry preloads). */
export const preloadProposal = ({ proposalId }: { proposalId: string }) => preload(preloadKey(proposalId), () => store.load(proposalId))
/** The proposal as stored now; a second load in the same invocation reads fresh. */
export const loadProposal = (id: string): Promise<StoredProposal | null> => takePreloaded<StoredProposal | null>(preloadKey(id)) ?? store.load(id)
export const insertProposal = store.insert
export const proposalTimeline = store.timeline

export async function saveProposal(before: StoredProposal, after: Proposal, events: ProposalEvent[]): Promise<StoredProposal | null> {
  return store.save(before, toStoredProposal(after, events))
}

/** saveProposal, answering once the proposal is written, its events' append under way (runtime/versioned-store.ts write). */
export function writeProposal(before: StoredProposal, after: Proposal, events: ProposalEvent[]) {
  return store.write(before, toStoredProposal(after, events))
}

export const appendProposalEvents = store.appendCommitted
