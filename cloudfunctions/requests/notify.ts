import { Message, User, type Request, type RequestEvent } from '../../types'
import { addedBy, noticesFor, type Audience } from '../shared/core/request/request-notices'
import { Collections } from '../shared/runtime/collections'
import { findMany } from '../shared/runtime/documents'
import { deliver } from '../shared/runtime/notifications'
import { noticeBody } from './notice-text'
import { userNames } from './user-names'

/** Staff posts change rarely; a warm instance asks the users collection once a minute per unit. */
const TTL_MS = 60_000
const staffCache = new Map<string, { at: number; ids: Promise<string[]> }>()

function staffOf(kind: 'committee' | 'street', unitId: string, now: number): Promise<string[]> {
  const key = `${kind}:${unitId}`
  const hit = staffCache.get(key)
  if (hit && now - hit.at <= TTL_MS) return hit.ids
  const field = kind === 'committee' ? 'staff.committee.communityIds' : 'staff.streetAdmin.streetIds'
  const ids = findMany(Collections.users, { [field]: unitId }, User, { limit: 200 }).then((users) => users.map((u) => u._id))
  ids.catch(() => staffCache.delete(key))
  staffCache.set(key, { at: now, ids })
  return ids
}

async function recipients(audience: Audience, event: RequestEvent, request: Request, now: number): Promise<string[]> {
  switch (audience) {
    case 'requester':
      return request.residentId ? [request.residentId] : []
    case 'owner':
      return request.ownerId ? [request.ownerId] : []
    case 'added':
      return addedBy(event)
    case 'committee':
      return staffOf('committee', request.route.communityId, now)
    case 'street':
      return staffOf('street', request.streetId, now)
    default: {
      const unreachable: never = audience
      return unreachable
    }
  }
}

/**
 * Turns a write's events into messages and hands them to the notifier (runtime/notifications.ts). The transition is already
 * committed, so a delivery failure is logged, not answered: the caller retrying would only meet a
 * CONFLICT. The person who acted is not told of their own act.
 */
export async function notify(events: readonly RequestEvent[], request: Request, now: number): Promise<void> {
  try {
    const names = await userNames(request.ownerId ? [request.ownerId] : [], now)
    const messages = new Map<string, Message>()
    for (const event of events) {
      for (const notice of noticesFor(event, request)) {
        for (const recipientId of await recipients(notice.audience, event, request, now)) {
          if (recipientId === event.actorId) continue
          const _id = `${event._id}>${recipientId}`
          const audience = recipientId === request.residentId ? 'resident' : 'staff'
          const body = noticeBody(event, request, names, audience === 'resident')
          messages.set(_id, { _id, recipientId, audience, requestId: request._id, action: event.action, kind: notice.kind, title: notice.title, body, at: event.at })
        }
      }
    }
    await deliver([...messages.values()].map((m) => Message.parse(m)))
  } catch (error) {
    console.error('[requests.notify]', request._id, error)
  }
}
