import { z } from 'zod'
import { Message, messagePage, Request, type ProposalEvent, type TopicEvent } from '../../types'
import { excerpt } from '../shared/core/excerpt'
import { proposalNoticesFor, topicNoticesFor, type CouncilAudience, type CouncilNotice } from '../shared/core/council/council-notices'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { findByIds, findMany } from '../shared/runtime/documents'
import { deliverCommitted } from '../shared/runtime/notifications'
import { staffOf } from '../shared/runtime/staff-of'
import type { StoredProposal } from './proposal-store'
import type { StoredTopic } from './topic-store'

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
  (await findByIds(Collections.requests, requestIds, Request.pick({ residentId: true }), '_id', { residentId: true })).flatMap((r) => (r.residentId ? [r.residentId] : []))

/** Each notice of each event with the people it reaches, the one who acted left out. */
type Told<E> = { event: E; notice: CouncilNotice; recipients: string[] }

/**
 * The recipients of a step's notices, read as soon as the step is decided — beside its write, one
 * round trip less; a read wasted only when the write loses a race — and `send`, for once the write
 * has gone in: the messages of every notice in one delivery (runtime/notifications deliverCommitted:
 * a failure is logged, the step stands, the 消息 page misses it).
 */
function planNotices<E extends { actorId: string }>(
  events: readonly E[], noticesFor: (event: E) => CouncilNotice[], recipientsOf: (audience: CouncilAudience) => Promise<string[]>,
  make: (recipientId: string, event: E, notice: CouncilNotice) => Message, name: string,
): { send(): Promise<void> } {
  const told: Promise<Told<E>[]> = Promise.all(events.flatMap((event) => noticesFor(event).map(async (notice) => ({
    event, notice, recipients: [...new Set(await recipientsOf(notice.audience))].filter((id) => id !== event.actorId),
  }))))
  told.catch(() => undefined)
  return {
    send: () => deliverCommitted(told.then((all) => {
      const messages = new Map<string, Message>()
      for (const { event, notice, recipients } of all) {
        for (const recipientId of recipients) {
          const message = make(recipientId, event, notice)
          if (!messages.has(message._id)) messages.set(message._id, Message.parse(message))
        }
      }
      return [...messages.values()]
    }), `[council.${name}]`),
  }
}

/**
 * A topic's step, told to whom core/council/council-notices.ts names; the one who acted is not told.
 * `castBy`: who cast the counted ballots, when the step has read them already (a close).
 */
export function topicNotices(events: readonly TopicEvent[], topic: StoredTopic, now: number, castBy?: readonly string[]): { send(): Promise<void> } {
  const recipientsOf = async (audience: CouncilAudience): Promise<string[]> =>
    audience === 'voters' ? (castBy ? [...castBy] : await voters(topic._id))
      : audience === 'supporters' || audience === 'proposer' ? await supporters(topic.fromProposalId)
      : audience === 'filers' ? await filers(topic.fromRequestIds)
      : (await Promise.all(topic.communityIds.map((id) => staffOf('committee', id, now)))).flat()
  return planNotices(events, topicNoticesFor, recipientsOf, (recipientId, event, notice) => ({
    _id: `${event._id}>${recipientId}`, recipientId, audience: notice.audience === 'committee' ? 'staff' : 'resident', topicId: topic._id,
    action: event.action, kind: notice.kind, title: notice.title, body: excerpt(event.note ?? topic.title), at: event.at,
  }), 'notifyTopic')
}

export const notifyTopic = (events: readonly TopicEvent[], topic: StoredTopic, now: number): Promise<void> => topicNotices(events, topic, now).send()

export function proposalNotices(events: readonly ProposalEvent[], proposal: StoredProposal, now: number): { send(): Promise<void> } {
  // An accepted proposal's news is its topic's: the tap opens the topic.
  const page = proposal.topicId ? messagePage({ audience: 'resident', topicId: proposal.topicId }) : null
  const recipientsOf = async (audience: CouncilAudience): Promise<string[]> =>
    audience === 'proposer' ? [proposal.proposerId]
      : audience === 'supporters' ? [proposal.proposerId, ...(await supporters(proposal._id))]
      : audience === 'committee' ? await staffOf('committee', proposal.communityId, now)
      : []
  return planNotices(events, proposalNoticesFor, recipientsOf, (recipientId, event, notice) => ({
    _id: `${event._id}>${recipientId}`, recipientId, audience: notice.audience === 'committee' ? 'staff' : 'resident', proposalId: proposal._id, ...(page && { page }),
    action: event.action, kind: notice.kind, title: notice.title, body: excerpt(event.note ?? proposal.title), at: event.at,
  }), 'notifyProposal')
}

export const notifyProposal = (events: readonly ProposalEvent[], proposal: StoredProposal, now: number): Promise<void> => proposalNotices(events, proposal, now).send()
