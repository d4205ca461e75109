import { success, type Category, type Failure, type FiledBy, type RequestDetail, type Result, type RouteTarget } from '../../types'
import { dueTimes } from '../shared/core/request/deadlines'
import { newRequest } from '../shared/core/request/new-request'
import { checkText } from '../shared/runtime/content-safety'
import type { UseCaseContext } from '../shared/runtime/function-entry'
import { settings } from '../shared/runtime/settings'
import { locate, type Located } from '../shared/runtime/locate-place'
import { refusePhotos } from '../shared/runtime/photos'
import { spendAllowances } from '../shared/runtime/rate-limiter'
import { notify } from './notify'
import { checkPhotos } from './photo-checks'
import { appendCommitted, appendEvents, insertRequest, loadRequest, requestIdFor, toStored } from './request-store'
import { detailOf } from './request-view'
import { runSteps, type Step } from './transition'

export type Filing = {
  idempotencyKey: string
  category: Category
  text: string
  photos: string[]
  place: RouteTarget
  contactPhone?: string
  residentId: string | null
  filedBy: FiledBy
  /** Whether the caller may file at the place routing found: staff only within their territory. */
  authorize?: (located: Located) => Failure | null
}

/**
 * Filing, for a resident, on behalf of one (代办) or on patrol (主动治理): take only the caller's own
 * photos, route it, check the words,
 * and in one write store it dispatched to the first responder with its deadlines (即时答复: the answer
 * names owner and due time) or held for review. The `_id` comes from caller and key, so a retried
 * submit finds its first answer instead of filing twice. Once the insert is in, the item is filed:
 * a lost event append is left to the next write (request-store appendCommitted), never answered as a
 * failure that would keep the resident and the owner from being told.
 */
export async function fileRequest(filing: Filing, { actor, now }: UseCaseContext): Promise<Result<RequestDetail>> {
  const foreignPhoto = refusePhotos(filing.photos, actor)
  if (foreignPhoto) return foreignPhoto
  const _id = requestIdFor(actor.userId, filing.idempotencyKey)
  const spend = () => spendAllowances(actor.userId, now, [
    { action: filing.filedBy.kind === 'resident' ? 'file' : 'fileForOthers', itemKey: _id },
    { action: 'photo', amount: filing.photos.length, itemKey: _id },
  ])
  // Staff may file only where routing says they may, so their allowance waits for the place; a
  // resident's goes out with the place's read (one round trip). A place not found then has spent one
  // filing of the hour, and a retry of the same submit (the same _id) does not spend again.
  const [located, spent] = filing.authorize
    ? [await locate(filing.category, filing.place, now), null]
    : await Promise.all([locate(filing.category, filing.place, now), spend()])
  if ('ok' in located) return located
  const refused = filing.authorize ? (filing.authorize(located) ?? (await spend())) : spent
  if (refused) {
    // The allowance remembers retries for one Beijing day only: a submit retried after midnight into a
    // full day was stored the first time, and its answer is that request, not a refusal.
    if (refused.code === 'RATE_LIMITED' && (await loadRequest(_id))) return answerAgain(_id, { actor, now })
    return refused
  }
  const verdict = await checkText(filing.text, { openid: actor.userId }, 'forum')
  const { request, event } = newRequest(
    {
      _id,
      idempotencyKey: filing.idempotencyKey,
      category: filing.category,
      text: filing.text,
      photos: filing.photos,
      place: filing.place,
      location: located.location,
      ...(filing.contactPhone !== undefined && { contactPhone: filing.contactPhone }),
      residentId: filing.residentId,
      filedBy: filing.filedBy,
      route: located.route,
      streetId: located.streetId,
    },
    actor,
    now,
  )
  const steps: Step[] = verdict.ok
    ? [{ action: 'dispatch', by: 'system', payload: { deadlines: dueTimes(filing.category, now, settings().deadlines) } }]
    : [{ action: 'flag', by: 'system', payload: { reason: verdict.reason } }]
  // Found on patrol by the very person routing names: they answer it at once, there is no one to wait for.
  if (verdict.ok && filing.filedBy.kind === 'proactive' && located.route.handlerId === actor.userId) {
    steps.push({ action: 'accept', by: 'caller', payload: {} })
  }
  const outcome = runSteps(request, steps, actor, now)
  if (!outcome.ok) return outcome
  const events = [event, ...outcome.events]
  const stored = toStored(outcome.request, events, located.room)
  if ((await insertRequest(stored)) === 'exists') return answerAgain(_id, { actor, now })
  // Filed: the events' append, telling, the photos' check and the answer's reads do not wait on each
  // other (the answer's timeline is the events in hand).
  const [, , , detail] = await Promise.all([appendCommitted(stored, events), notify(events, stored, now), checkPhotos(events, stored, actor.userId, now), detailOf(stored, actor, now, events)])
  return success(detail)
}

/** The retried submit: the first answer again, and the first write's events appended if a crash lost them. */
async function answerAgain(id: string, { actor, now }: UseCaseContext): Promise<Result<RequestDetail>> {
  const existing = await loadRequest(id)
  if (!existing) throw new Error(`request ${id} was reported taken but cannot be read`)
  await appendEvents(existing.recentEvents)
  return success(await detailOf(existing, actor, now))
}
