import { Message, type Request, type RequestEvent } from '../../types'
import { addedBy, noticesFor, type Audience } from '../shared/core/request/request-notices'
import { deliverCommitted } from '../shared/runtime/notifications'
import { staffOf } from '../shared/runtime/staff-of'
import { noticeBody } from './notice-text'
import { userNames } from '../shared/runtime/user-names'

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
 * notify's reads (the owner's name, a unit's staff: both cached a minute), started beside the write
 * that makes the events, so that telling waits on nothing but its own writes.
 */
export function prepareNotify(events: readonly RequestEvent[], request: Request, now: number): void {
  const reads: Promise<unknown>[] = [userNames(request.ownerId ? [request.ownerId] : [], now)]
  for (const event of events) {
    for (const notice of noticesFor(event, request)) if (notice.audience === 'committee' || notice.audience === 'street') reads.push(recipients(notice.audience, event, request, now))
  }
  for (const read of reads) read.catch(() => undefined)
}

/**
 * Turns a committed write's events into messages and hands them to the notifier
 * (runtime/notifications.ts deliverCommitted: a failure is logged, not answered). The person who
 * acted is not told of their own act.
 */
export function notify(events: readonly RequestEvent[], request: Request, now: number): Promise<void> {
  return deliverCommitted(messagesOf(events, request, now), `[requests.notify] ${request._id}`)
}

async function messagesOf(events: readonly RequestEvent[], request: Request, now: number): Promise<Message[]> {
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
  return [...messages.values()].map((m) => Message.parse(m))
}
