import { success } from '../../types'
import { openStatuses } from '../shared/core/request/request.machine'
import { database } from '../shared/runtime/cloudbase'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { offsetOf } from '../shared/runtime/paging'
import { pageRequests } from './request-queries'
import { summaries } from './request-view'

/** The resident's own requests (filed by them or for them, 代办), latest change first. */
export const listMine: ActionHandler<'requests', 'listMine'> = async (input, { actor, now }) => {
  const _ = database().command
  const where = {
    residentId: actor.userId,
    ...(input.open !== undefined && { status: input.open ? _.in([...openStatuses]) : _.nin([...openStatuses]) }),
  }
  const { items, nextCursor } = await pageRequests(where, ['updatedAt', 'desc'], offsetOf(input.cursor), input.limit)
  return success({ items: await summaries(items, actor, now), nextCursor })
}
