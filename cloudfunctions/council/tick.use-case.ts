import { applyProposalTransition, PROPOSAL_SYSTEM } from '../shared/core/council/proposal.machine'
import { TOPIC_SYSTEM } from '../shared/core/council/topic.machine'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { findMany } from '../shared/runtime/documents'
import { stepEach } from '../shared/runtime/timer-run'
import { notifyProposal } from './notify'
import { saveProposal, StoredProposal } from './proposal-store'
import { StoredTopic } from './topic-store'
import { closeVoting, openVoting } from './voting'

/** One run handles this many due topics and proposals; more wait for the next run. A close of 10,000 ballots is a few seconds. */
const PER_RUN = 50

export type CouncilTickReport = { due: number; openVoting: number; close: number; expire: number; conflicts: number; failed: number }

/**
 * The council timer: a topic's window opens (the electorate fixed) and closes (the result stored
 * once), and a proposal that did not gather its co-signers in 14 days expires. A step that loses to a
 * person's at the same moment is looked at again next run.
 */
export async function tickCouncil(now: number): Promise<CouncilTickReport> {
  const _ = database().command
  const due = { timerDueAt: _.gte(0).and(_.lte(now)) }
  const [topics, proposals] = await Promise.all([
    findMany(Collections.topics, due, StoredTopic, { orderBy: ['timerDueAt', 'asc'], limit: PER_RUN }),
    findMany(Collections.proposals, due, StoredProposal, { orderBy: ['timerDueAt', 'asc'], limit: PER_RUN }),
  ])
  const report: CouncilTickReport = { due: topics.length + proposals.length, openVoting: 0, close: 0, expire: 0, conflicts: 0, failed: 0 }
  await stepEach(topics, async (topic) => {
    try {
      const outcome = topic.status === 'deliberating' ? await openVoting(topic, TOPIC_SYSTEM, now) : await closeVoting(topic, TOPIC_SYSTEM, now)
      if (outcome.ok && 'settled' in outcome) await outcome.settled
      if (outcome.ok) return topic.status === 'deliberating' ? 'openVoting' : 'close'
      return outcome.reason === 'conflict' ? 'conflicts' : 'failed'
    } catch (error) {
      console.error(`[council-timer] ${topic._id}`, error)
      return 'failed'
    }
  }, report)
  await stepEach(proposals, async (proposal) => {
    const outcome = applyProposalTransition(proposal, 'expire', PROPOSAL_SYSTEM, now, {})
    if (!outcome.ok) return 'failed'
    const saved = await saveProposal(proposal, outcome.proposal, [outcome.event])
    if (!saved) return 'conflicts'
    await notifyProposal([outcome.event], saved, now)
    return 'expire'
  }, report)
  return report
}
