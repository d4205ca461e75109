import type { NoticeKind } from '../../../../types/notice.schema'
import type { Request, RequestEvent } from '../../../../types/request.schema'
import { todoAsks } from '../message/message-todo'
import { noteVisibleTo } from './staff-notes'

/**
 * Who hears of a transition, by how they stand to the request; the runtime turns each into people.
 * `added`: the co-handlers this event brought in. `committee` / `street`: the staff of the request's
 * community or street (督办 and 吹哨 reach them; so does an item no one owns yet).
 */
export type Audience = 'requester' | 'owner' | 'added' | 'committee' | 'street'
/** `kind` picks the subscribe-message template (types/notice.schema.ts) the notice may be pushed with. */
export type Notice = { audience: Audience; kind: NoticeKind; title: string }

type Rule = (event: RequestEvent, request: Request) => Notice[]

/** The owner, or the committee while the item waits in the community's queue with no owner. */
const ownerOrQueue = (request: Request): Audience => (request.ownerId === null ? 'committee' : 'owner')

/**
 * The status changes a resident cares about (the issue: each becomes a notification) and the ones that
 * put work on a handler's desk. A note told to the resident reaches them as progress (it is written to
 * them); an internal note, 回访 records and a release (dispatch follows at once) tell no one: the
 * timeline has them. A +1 is no event at all: request_follows records who and when.
 */
const rules: Partial<Record<RequestEvent['action'], Rule>> = {
  dispatch: (_e, r) => [
    { audience: 'requester', kind: 'accepted', title: '诉求已受理' },
    { audience: ownerOrQueue(r), kind: 'newWork', title: '有新诉求待接单' },
  ],
  flag: () => [
    { audience: 'requester', kind: 'accepted', title: '诉求已提交，待审核' },
    { audience: 'committee', kind: 'review', title: '有诉求待内容审核' },
  ],
  reject: () => [{ audience: 'requester', kind: 'accepted', title: '诉求未通过审核' }],
  withdraw: (_e, r) => (r.ownerId === null ? [] : [{ audience: 'owner', kind: 'progress', title: '居民已撤回诉求' }]),
  accept: () => [{ audience: 'requester', kind: 'progress', title: '诉求已接单' }],
  note: (e) => (noteVisibleTo(e) === 'resident' ? [{ audience: 'requester', kind: 'progress', title: '诉求有新进展' }] : []),
  transfer: () => [{ audience: 'added', kind: 'newWork', title: '请协助办理诉求' }],
  escalate: (e) => [
    { audience: 'requester', kind: 'progress', title: '诉求已上报协同办理' },
    { audience: 'added', kind: 'newWork', title: '吹哨报到：请协同办理' },
    { audience: e.details?.level === 'street' ? 'street' : 'committee', kind: 'newWork', title: '吹哨报到：请协同办理' },
  ],
  refer: () => [{ audience: 'requester', kind: 'progress', title: '诉求已转介，请按指引办理' }],
  reply: () => [{ audience: 'requester', kind: 'replied', title: `诉求已答复${todoAsks.rate.title}` }],
  rate: () => [{ audience: 'owner', kind: 'progress', title: '居民已评价' }],
  reopen: (e) => [
    { audience: 'owner', kind: 'newWork', title: '居民评价未解决，已重办' },
    { audience: e.details?.level === 'street' ? 'street' : 'committee', kind: 'newWork', title: '居民评价未解决，已重办' },
  ],
  // The resident's own request closed without them (issue 9: every decision that concerns the person).
  autoClose: () => [
    { audience: 'owner', kind: 'progress', title: '诉求未评价，已自动结案' },
    { audience: 'requester', kind: 'progress', title: '诉求 7 天未评价，已结案' },
  ],
  remind: (_e, r) => [{ audience: ownerOrQueue(r), kind: 'alert', title: '催办：诉求即将超时' }],
  supervise: (_e, r) => [
    ...(r.ownerId === null ? [] : [{ audience: 'owner' as const, kind: 'alert' as const, title: '督办：诉求已超时' }]),
    { audience: 'committee', kind: 'alert', title: '督办：诉求已超时' },
  ],
}

/** The notices one event gives rise to, given the request as it stands after the event. */
export function noticesFor(event: RequestEvent, request: Request): Notice[] {
  return rules[event.action]?.(event, request) ?? []
}

/** The co-handlers an event brought in: the recipients `added` stands for. */
export function addedBy(event: RequestEvent): string[] {
  const details = event.details ?? {}
  if (typeof details.toUserId === 'string') return [details.toUserId]
  return Array.isArray(details.coHandlerIds) ? details.coHandlerIds.filter((id): id is string => typeof id === 'string') : []
}
