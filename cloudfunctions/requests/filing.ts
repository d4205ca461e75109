import { success, type Category, type Failure, type FiledBy, type Household, type RequestDetail, type Result, type RouteTarget } from '../../types'
import { dueTimes } from '../shared/core/request/deadlines'
import { newRequest } from '../shared/core/request/new-request'
import { checkText, type ContentVerdict } from '../shared/runtime/content-safety'
import { Collections } from '../shared/runtime/collections'
import type { PreloadCaller, UseCaseContext } from '../shared/runtime/function-entry'
import { preload, takePreloaded } from '../shared/runtime/invocation'
import { settings } from '../shared/runtime/settings'
import { locate, preloadedPlaceHousehold, preloadPlaceHousehold, type Located } from '../shared/runtime/locate-place'
import { refusePhotos } from '../shared/runtime/photos'
import { spendAhead, type SpentAhead } from '../shared/runtime/rate-limiter'
import { notify, prepareNotify } from './notify'
import { checkPhotos, clearPhotoChecks, preloadPhotoChecks } from './photo-checks'
import { insertRequest, loadRequest, requestIdFor, toFiled } from './request-store'
import { detailOf, prepareDetail } from './request-view'
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
  /** The place's household, when the use case took its read (preloadFiling) for a check of its own. */
  household?: Promise<Household | null>
}

type FilingInput = { idempotencyKey: string; text: string; photos: string[]; place: RouteTarget }
type Allowance = 'file' | 'fileForOthers'

const spendsOf = (allowance: Allowance, _id: string, photos: number) => [
  { action: allowance, itemKey: _id },
  { action: 'photo' as const, amount: photos, itemKey: _id },
]
const spendKey = (_id: string) => `${Collections.rateCounters}/${_id}`
const checkKey = (_id: string) => `contentCheck/${_id}`

/**
 * What filing needs of its input alone, started beside the caller's record (one round trip): the
 * words' check, the household the place names, and the allowance's spend. The spend goes before the
 * caller's rights are known, so every refusal after it gives it back (spendAhead): a refusal still
 * counts nothing, and the counter's conditional update still holds the limit under races.
 */
export const preloadFiling = (allowance: Allowance) => (input: FilingInput, { openid, now }: PreloadCaller) => {
  const _id = requestIdFor(openid, input.idempotencyKey)
  preload(checkKey(_id), () => checkText(input.text, { openid }, 'forum'))
  preloadPlaceHousehold(input.place)
  preload(spendKey(_id), () => spendAhead(openid, now, spendsOf(allowance, _id, input.photos.length)), (spent) => spent.giveBack())
  preloadPhotoChecks(input.photos, openid)
}

/** A filing refused before it was stored: the allowance spent ahead for it is given back. */
export async function refuseFiling(idempotencyKey: string, { actor }: UseCaseContext, refusal: Failure): Promise<Failure> {
  const spent = takePreloaded<SpentAhead>(spendKey(requestIdFor(actor.userId, idempotencyKey)))
  if (spent) await (await spent).giveBack()
  return refusal
}

/**
 * Filing, for a resident, on behalf of one (代办) or on patrol (主动治理): take only the caller's own
 * photos, route it, check the words,
 * and in one write store it dispatched to the first responder with its deadlines (即时答复: the answer
 * names owner and due time) or held for review. The `_id` comes from caller and key, so a retried
 * submit finds its first answer instead of filing twice. Its first events are stored on it, in the
 * same insert: once it is in, the item is filed with its whole timeline.
 */
export async function fileRequest(filing: Filing, ctx: UseCaseContext): Promise<Result<RequestDetail>> {
  const { actor, now } = ctx
  const _id = requestIdFor(actor.userId, filing.idempotencyKey)
  const allowance: Allowance = filing.filedBy.kind === 'resident' ? 'file' : 'fileForOthers'
  const spending = takePreloaded<SpentAhead>(spendKey(_id)) ?? spendAhead(actor.userId, now, spendsOf(allowance, _id, filing.photos.length))
  const household = filing.household ?? preloadedPlaceHousehold(filing.place)
  const [located, spent] = await Promise.all([locate(filing.category, filing.place, now, household), spending])
  const refusal = refusePhotos(filing.photos, actor) ?? ('ok' in located ? located : filing.authorize?.(located)) ?? null
  if (refusal) {
    await spent.giveBack()
    return refusal
  }
  if ('ok' in located) return located
  if (spent.refused) {
    // A kind counted beside the one refused (the photos beside the filing) goes back too: nothing is filed.
    await spent.giveBack()
    // The allowance remembers retries for one Beijing day only: a submit retried after midnight into a
    // full day was stored the first time, and its answer is that request, not a refusal.
    if (spent.refused.code === 'RATE_LIMITED' && (await loadRequest(_id))) return answerAgain(_id, ctx)
    return spent.refused
  }
  // Nothing refuses it now: the photos' media checks made ready beside the caller's record go out beside the insert.
  void clearPhotoChecks(filing.photos)
  const verdict = await (takePreloaded<ContentVerdict>(checkKey(_id)) ?? checkText(filing.text, { openid: actor.userId }, 'forum'))
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
  if (!outcome.ok) {
    await spent.giveBack()
    return outcome
  }
  const events = [event, ...outcome.events]
  const stored = toFiled(outcome.request, events, located.room)
  // The notices' and the answer's reads (the owner's name and work line) go out with the insert.
  prepareDetail(stored, actor, now, Promise.resolve(events))
  prepareNotify(events, stored, now)
  if ((await insertRequest(stored)) === 'exists') return answerAgain(_id, ctx)
  // Filed: telling, the photos' check and the answer's reads do not wait on each other (the answer's
  // timeline is the events in hand).
  const [, , detail] = await Promise.all([notify(events, stored, now), checkPhotos(events, stored, actor.userId, now), detailOf(stored, actor, now, events)])
  return success(detail)
}

/**
 * The retried submit: the first answer again. A request filed before the timeline was kept on it may
 * lack its first events in the log: its timeline merges them (timelineOf), its next write stores them.
 */
async function answerAgain(id: string, { actor, now }: UseCaseContext): Promise<Result<RequestDetail>> {
  const existing = await loadRequest(id)
  if (!existing) throw new Error(`request ${id} was reported taken but cannot be read`)
  return success(await detailOf(existing, actor, now))
}
