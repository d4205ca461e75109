import { Message, User, type Wish, type WishEvent } from '../../types'
import { excerpt } from '../shared/core/excerpt'
import { endedClaimerOf, wishNoticesFor, type WishAudience } from '../shared/core/wish/wish-notices'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { branchAndBelow, loadDirectory, type Directory } from '../shared/runtime/directory-cache'
import { findMany } from '../shared/runtime/documents'
import { staffOf } from '../shared/runtime/staff-of'

/** Members a published wish reaches at once: a branch is tens of people; more than this is a data error, not a branch. */
const MEMBERS_TOLD = 500

async function branchMembers(directory: Directory, branchId: string | null): Promise<string[]> {
  if (branchId === null) return []
  const _ = database().command
  const members = await findMany(Collections.users, { 'party.branchId': _.in(branchAndBelow(directory, branchId)), 'party.status': 'verified' }, User, { limit: MEMBERS_TOLD })
  return members.map((member) => member._id)
}

async function recipients(audience: WishAudience, event: WishEvent, wish: Wish, directory: Directory, now: number): Promise<string[]> {
  const { branchId, communityId, gridId } = wish.route
  const gridWorkers = () => (gridId === null ? [] : (directory.grids.get(gridId)?.workerIds ?? []))
  switch (audience) {
    case 'wisher':
      return [wish.wisherId]
    case 'claimer':
      return wish.claim ? [wish.claim.memberId] : []
    case 'endedClaimer': {
      const memberId = endedClaimerOf(event)
      return memberId ? [memberId] : []
    }
    case 'branchMembers':
      return branchMembers(directory, branchId)
    case 'branchSecretary': {
      const secretaryId = branchId === null ? undefined : directory.branches.get(branchId)?.secretaryId
      return secretaryId ? [secretaryId] : []
    }
    case 'reviewers':
      return [...(await staffOf('committee', communityId, now)), ...gridWorkers()]
    case 'gridWorkers':
      return gridWorkers()
    default: {
      const unreachable: never = audience
      return unreachable
    }
  }
}

const staffAudiences: readonly WishAudience[] = ['branchSecretary', 'reviewers', 'gridWorkers']

/**
 * Turns a write's events into messages (core/wish/wish-notices.ts): who is told, by reads of their
 * own (a branch's members, the committee), which a transition sends beside its write. The person
 * who acted is not told of their own act; a message names the wish by its public summary (or the
 * first words, before there is one), never the wisher.
 */
export async function wishMessages(events: readonly WishEvent[], wish: Wish, now: number): Promise<Message[]> {
  const directory = await loadDirectory(now)
  const notices = events.flatMap((event) => wishNoticesFor(event, wish).map((notice) => ({ event, notice })))
  // Each audience's read goes out at once, not one after another.
  const reached = await Promise.all(notices.map(({ event, notice }) => recipients(notice.audience, event, wish, directory, now)))
  const messages = new Map<string, Message>()
  for (const [index, { event, notice }] of notices.entries()) {
    for (const recipientId of reached[index]) {
      if (recipientId === event.actorId) continue
      const _id = `${event._id}>${recipientId}`
      messages.set(_id, {
        _id, recipientId, audience: staffAudiences.includes(notice.audience) ? 'staff' : 'resident', wishId: wish._id,
        action: event.action, kind: notice.kind, title: notice.title, body: excerpt(wish.summary ?? wish.text), at: event.at,
      })
    }
  }
  return [...messages.values()].map((m) => Message.parse(m))
}
