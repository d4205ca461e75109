import { z } from 'zod'
import { Message, messagePage, Request, type ProposalEvent, type TopicEvent } from '../../types'
import { excerpt } from '../shared/core/excerpt'
import { proposalNoticesFor, topicNoticesFor, type CouncilAudience, type CouncilNotice } from '../shared/core/council/council-notices'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { findByIds, findMany } from '../shared/runtime/documents'
import { deliver } from '../shared/runtime/notifications'
import { staffOf } from '../shared/runtime/staff-of'
import type { StoredProposal } from './proposal-store'
import type { StoredTopic } from './topic-store'

/** Messages written at once: a topic of 10,000 voters is told in slices the database takes in one insert each. */
const SLICE = 500

const CastBy = z.object({ castBy: z.string().nullable() })
const Signer = z.object({ userId: z.string() })

const voters = async (topicId: string) => {
  const _ = database().command
  const cast = await findMany(Collections.ballots, { topicId, via: _.neq(null) }, CastBy)
  return cast.flatMap((b) => (b.castBy ? [b.castBy] : []))
}
const supporters = async (proposalId: string | null) =>
  proposalId === null ? [] : (await findMany(Collections.cosignatures, { proposalId }, Signer)).map((s) => s.userId)
const filers = async (requestIds: readonly string[]) =>
  (await findByIds(Collections.requests, requestIds, Request.pick({ residentId: true }))).flatMap((r) => (r.residentId ? [r.residentId] : []))

async function tell(notices: readonly CouncilNotice[], recipientsOf: (audience: CouncilAudience) => Promise<string[]>, make: (recipientId: string, notice: CouncilNotice) => Message) {
  const messages = new Map<string, Message>()
  for (const notice of notices) {
    for (const recipientId of await recipientsOf(notice.audience)) {
      const message = make(recipientId, notice)
      if (!messages.has(message._id)) messages.set(message._id, Message.parse(message))
    }
  }
  const all = [...messages.values()]
  for (let i = 0; i < all.length; i += SLICE) await deliver(all.slice(i, i + SLICE))
}

/** A topic's step, told to whom core/council/council-notices.ts names; the one who acted is not told. A delivery failure is logged, not answered. */
export async function notifyTopic(events: readonly TopicEvent[], topic: StoredTopic, now: number): Promise<void> {
  try {
    for (const event of events) {
      const recipientsOf = async (audience: CouncilAudience): Promise<string[]> => {
        const ids = audience === 'voters' ? await voters(topic._id)
          : audience === 'supporters' || audience === 'proposer' ? await supporters(topic.fromProposalId)
          : audience === 'filers' ? await filers(topic.fromRequestIds)
          : (await Promise.all(topic.communityIds.map((id) => staffOf('committee', id, now)))).flat()
        return [...new Set(ids)].filter((id) => id !== event.actorId)
      }
      await tell(topicNoticesFor(event), recipientsOf, (recipientId, notice) => ({
        _id: `${event._id}>${recipientId}`, recipientId, audience: notice.audience === 'committee' ? 'staff' : 'resident', topicId: topic._id,
        action: event.action, kind: notice.kind, title: notice.title, body: excerpt(event.note ?? topic.title), at: event.at,
      }))
    }
  } catch (error) {
    console.error('[council.notifyTopic]', topic._id, error)
  }
}

export async function notifyProposal(events: readonly ProposalEvent[], proposal: StoredProposal, now: number): Promise<void> {
  try {
    // An accepted proposal's news is its topic's: the tap opens the topic.
    const page = proposal.topicId ? messagePage({ audience: 'resident', topicId: proposal.topicId }) : null
    for (const event of events) {
      const recipientsOf = async (audience: CouncilAudience): Promise<string[]> => {
        const ids = audience === 'proposer' ? [proposal.proposerId]
          : audience === 'supporters' ? [proposal.proposerId, ...(await supporters(proposal._id))]
          : audience === 'committee' ? await staffOf('committee', proposal.communityId, now)
          : []
        return [...new Set(ids)].filter((id) => id !== event.actorId)
      }
      await tell(proposalNoticesFor(event), recipientsOf, (recipientId, notice) => ({
        _id: `${event._id}>${recipientId}`, recipientId, audience: notice.audience === 'committee' ? 'staff' : 'resident', proposalId: proposal._id, ...(page && { page }),
        action: event.action, kind: notice.kind, title: notice.title, body: excerpt(event.note ?? proposal.title), at: event.at,
      }))
    }
  } catch (error) {
    console.error('[council.notifyProposal]', proposal._id, error)
  }
}
