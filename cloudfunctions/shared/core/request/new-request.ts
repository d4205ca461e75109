import type { Request, RequestEvent } from '../../../../types/request.schema'
import type { Actor } from '../actor'
import { relationsTo } from './request-policy'

/** What filing knows: the resident's words and place, and where routing sends it. */
export type RequestDraft = Pick<
  Request,
  '_id' | 'idempotencyKey' | 'category' | 'text' | 'photos' | 'place' | 'location' | 'contactPhone' | 'residentId' | 'filedBy' | 'route' | 'streetId'
>

/**
 * A request is born submitted, with the timeline's first event; content safety then flags or
 * dispatches it through the machine. The filer is the resident, or the staff member for 代办/主动治理.
 */
export function newRequest(draft: RequestDraft, filer: Actor, now: number): { request: Request; event: RequestEvent } {
  const request: Request = {
    ...draft,
    status: 'submitted',
    ownerId: null,
    coHandlerIds: [],
    escalation: 'none',
    deadlines: null,
    dispatchedAt: null,
    respondedAt: null,
    repliedAt: null,
    closedAt: null,
    reply: null,
    rating: null,
    reopenCount: 0,
    referral: null,
    moderation: null,
    alerts: [],
    followers: 0,
    createdAt: now,
    updatedAt: now,
    version: 0,
  }
  const event: RequestEvent = {
    _id: `${draft._id}#0`,
    requestId: draft._id,
    seq: 0,
    at: now,
    actorId: filer.userId,
    relation: relationsTo(filer, request)[0],
    action: 'file',
    from: null,
    to: 'submitted',
    details: { filedBy: draft.filedBy.kind },
  }
  return { request, event }
}
