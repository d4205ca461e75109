import { failure, InboxState, success } from '../../types'
import type { Actor } from '../shared/core/actor'
import { inboxOrder, inboxStatuses } from '../shared/core/request/inbox'
import { canRequest } from '../shared/core/request/request-policy'
import { database } from '../shared/runtime/cloudbase'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { settings } from '../shared/runtime/settings'
import { offsetOf, page } from './paging'
import { allRequests, queryRequests } from './request-store'
import { dueOf, summaries } from './request-view'

/** Open work is few enough per person to order in memory (overdue first); this caps a runaway grid. */
const OPEN_MAX = 1000

/** What lands on this person's desk: theirs, shared with them, or in the territory they hold. */
function desk(actor: Actor) {
  const _ = database().command
  return _.or([
    { ownerId: actor.userId },
    { coHandlerIds: actor.userId },
    ...(actor.gridIds.length ? [{ 'route.gridId': _.in(actor.gridIds) }] : []),
    ...(actor.communityIds.length ? [{ 'route.communityId': _.in(actor.communityIds) }] : []),
    ...(actor.streetIds.length ? [{ streetId: _.in(actor.streetIds) }] : []),
  ])
}

/**
 * The workbench: by state, overdue first. Without a state it is the open work; the review queue is
 * the committee's and the street's (grid workers meet a flagged item once it is released).
 */
export const inbox: ActionHandler<'requests', 'inbox'> = async (input, { actor, now }) => {
  const reviewer = canRequest(actor, { action: 'request.reviewQueue' })
  if (input.state === 'review' && !reviewer) return failure('FORBIDDEN', '内容审核由社区居委会和街道负责')
  const states = input.state ? [input.state] : InboxState.options.filter((s) => s !== 'done' && (s !== 'review' || reviewer))
  const _ = database().command
  const where = _.and([{ status: _.in(states.flatMap((s) => [...inboxStatuses[s]])) }, desk(actor)])
  const offset = offsetOf(input.cursor)
  if (input.state === 'done') {
    const fetched = await queryRequests(where, { orderBy: ['updatedAt', 'desc'], offset, limit: input.limit + 1 })
    const { items, nextCursor } = page(fetched, offset, input.limit)
    return success({ items: await summaries(items, actor, now), nextCursor })
  }
  const open = (await allRequests(where, ['updatedAt', 'desc'], OPEN_MAX))
    .filter((r) => input.urgency === undefined || dueOf(r, now)?.urgency === input.urgency)
    .sort(inboxOrder(now, settings().deadlines))
  const { items, nextCursor } = page(open.slice(offset, offset + input.limit + 1), offset, input.limit)
  return success({ items: await summaries(items, actor, now), nextCursor })
}
