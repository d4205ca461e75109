import { Message, User, type Wish, type WishEvent } from '../../types'
import { excerpt } from '../shared/core/excerpt'
import { endedClaimerOf, wishNoticesFor, type WishAudience } from '../shared/core/wish/wish-notices'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { branchAndBelow, loadDirectory, type Directory } from '../shared/runtime/directory-cache'
import { findMany } from '../shared/runtime/documents'
import { deliver } from '../shared/runtime/notifications'
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
 * Turns a write's events into messages (core/wish/wish-notices.ts) and hands them to the notifier.
 * The transition is already committed, so a delivery failure is logged, not answered. The person
 * who acted is not told of their own act; a message names the wish by its public summary (or the
 * first words, before there is one), never the wisher.
 */
export async function notifyWish(events: readonly WishEvent[], wish: Wish, now: number): Promise<void> {
  try {
    const directory = await loadDirectory(now)
    const messages = new Map<string, Message>()
    for (const event of events) {
      for (const notice of wishNoticesFor(event, wish)) {
        for (const recipientId of await recipients(notice.audience, event, wish, directory, now)) {
          if (recipientId === event.actorId) continue
          const _id = `${event._id}>${recipientId}`
          const body = excerpt(wish.summary ?? wish.text)
          messages.set(_id, {
            _id, recipientId, audience: staffAudiences.includes(notice.audience) ? 'staff' : 'resident', wishId: wish._id,
            action: event.action, kind: notice.kind, title: notice.title, body, at: event.at,
          })
        }
      }
    }
    await deliver([...messages.values()].map((m) => Message.parse(m)))
  } catch (error) {
    console.error('[wishes.notify]', wish._id, error)
  }
}
