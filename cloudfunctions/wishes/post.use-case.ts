import { failure, success, wishCategoryLabels, type Result, type RouteTarget, type WishDetail, type WishEvent, type WishMark } from '../../types'
import { isOwnPlace } from '../shared/core/own-place'
import { applyWishTransition, newWish, WISH_SYSTEM } from '../shared/core/wish/wish.machine'
import { wishRouteOf } from '../shared/core/wish/wish-route'
import { neededByOf } from '../shared/core/wish/wish-times'
import { wishLimitsOf } from '../shared/runtime/community-settings'
import { checkText } from '../shared/runtime/content-safety'
import { loadDirectory, type Directory } from '../shared/runtime/directory-cache'
import type { ActionHandler, UseCaseContext } from '../shared/runtime/function-entry'
import { locate, preloadedPlaceHousehold, preloadPlaceHousehold, type Located } from '../shared/runtime/locate-place'
import { refusePhotos } from '../shared/runtime/photos'
import { spendAhead } from '../shared/runtime/rate-limiter'
import { prepareAfterWishWrite } from './after-write'
import { memberFactsOf } from './members'
import { openWishSlots, slotHolderOf } from './open-wish-slots'
import { appendCommitted, appendEvents, insertedWith, insertWish, loadWish, toStored, wishIdFor, type StoredWish } from './wish-store'
import { detailOf, householdRecent } from './wish-view'

const DAY_MS = 86_400_000
/** A wish is a small thing for the weeks ahead, not a plan for next year. */
const LONGEST_AHEAD_MS = 366 * DAY_MS

/** For 上门: the door the claimer will knock at, as the resident's household names it. */
function addressOf(place: RouteTarget, located: Located, directory: Directory): string | undefined {
  if (!('householdId' in place) || located.route.buildingId === null || located.room === null) return undefined
  const building = directory.buildings.get(located.route.buildingId)
  return building ? `${building.estate}${building.name}${located.room}` : undefined
}

/** Issue 7 Post: "a repeat of the same category by the same household within 90 days is marked for the reviewer". */
async function repeatMarks(draft: { _id: string; place: RouteTarget; wisherId: string; category: StoredWish['category'] }, now: number): Promise<WishMark[]> {
  const repeats = (await householdRecent(draft, now)).filter((recent) => recent.category === draft.category)
  if (repeats.length === 0) return []
  return [{ kind: 'repeatCategory', detail: `90 天内同一户已有 ${repeats.length} 个“${wishCategoryLabels[draft.category]}”心愿` }]
}

/** The household the place names, read beside the caller's record (function-entry preloads) for `locate`. */
export const preloadPost = (input: { place: RouteTarget }): void => preloadPlaceHousehold(input.place)

/**
 * A resident's wish, at their own place (core/own-place.ts). Routed, its words checked: a flagged
 * text is held in review with a mark for the reviewer, as filing holds a request, and every wish
 * waits for 核实 anyway. The household's open wishes are capped by its community's setting, held by
 * a slot the wish takes first (open-wish-slots.ts). The `_id` comes from caller and key, so a retried
 * submit finds its first answer instead of posting twice.
 */
export const post: ActionHandler<'wishes', 'post'> = async (input, ctx) => {
  const { actor, now } = ctx
  if (!isOwnPlace(input.place, actor)) {
    return failure('FORBIDDEN', '只能以自己绑定的房屋发心愿；其他地点请在地图上选点')
  }
  const foreignPhoto = refusePhotos(input.photos, actor)
  if (foreignPhoto) return foreignPhoto
  const neededBy = neededByOf(input.neededBy)
  if (neededBy <= now || neededBy > now + LONGEST_AHEAD_MS) return failure('INVALID_INPUT', 'neededBy: 需要的日期应在今天到一年之内')
  const _id = wishIdFor(actor.userId, input.idempotencyKey)
  const holder = slotHolderOf({ place: input.place, wisherId: actor.userId })
  // The category matrix picks a request's handler; a wish goes to a branch, so any category routes it alike.
  // The place (its household preloaded), the community's limit and the household's slot; the
  // allowance; the words' check and the household's recent wishes: side by side, one round trip when
  // the limit is in this instance's cache. The slot and the allowance taken for a post refused here
  // are given back, as filing gives back its own: a refusal keeps nothing. A retry of the same submit
  // (the same _id) spends nothing again, so has nothing to give back.
  const household = preloadedPlaceHousehold(input.place)
  const placing = locate('other', input.place, now, household).then(async (located) => {
    if ('ok' in located) return located
    const limits = await wishLimitsOf(located.route.communityId, now)
    return { located, limits, slot: await openWishSlots.take(holder, _id, limits.openPerHousehold, now) }
  })
  const spending = spendAhead(actor.userId, now, [{ action: 'wish', itemKey: _id }, { action: 'photo', amount: input.photos.length, itemKey: _id }])
  const [placed, spent, verdict, marks] = await Promise.all([
    placing,
    spending,
    checkText(input.text, { openid: actor.userId }, 'forum'),
    repeatMarks({ _id, place: input.place, wisherId: actor.userId, category: input.category }, now),
  ]).catch(async (error: unknown) => {
    const [taken, counted] = await Promise.all([placing.catch(() => null), spending.catch(() => null)])
    if (taken && 'slot' in taken && taken.slot) await openWishSlots.giveBack(taken.slot.slot)
    if (counted) await counted.giveBack()
    throw error
  })
  if ('ok' in placed) {
    await spent.giveBack()
    return placed
  }
  const { located, limits, slot } = placed
  const giveBack = async () => {
    await Promise.all([slot ? openWishSlots.giveBack(slot.slot) : undefined, spent.giveBack()])
  }
  if (spent.refused) {
    await giveBack()
    return spent.refused
  }
  const directory = await loadDirectory(now)
  if (!slot) {
    // Nothing new is stored either way; a retry's spend after midnight was counted anew.
    await giveBack()
    const existing = await loadWish(_id)
    if (existing) return answer(existing, ctx, directory)
    return failure('CONFLICT', `您家已有 ${limits.openPerHousehold} 个心愿正在进行，等其中一个实现或撤回后再发吧`)
  }
  return postHolding(input, ctx, { directory, located, neededBy, verdict, marks }, giveBack)
}

type Input = Parameters<ActionHandler<'wishes', 'post'>>[0]
type Checked = { directory: Directory; located: Located; neededBy: number; verdict: Awaited<ReturnType<typeof checkText>>; marks: WishMark[] }

/**
 * The post itself, with the household's slot and the allowance held: given back when this was a retry
 * of a post already in, kept once the wish is in, whatever fails after (it is open and counts). An
 * insert that failed may yet have gone in: both stay, erring on the side of the limits (a slot whose
 * wish never went in frees itself, slots.ts; the retry's key is counted already).
 */
async function postHolding(input: Input, ctx: UseCaseContext, { directory, located, neededBy, verdict, marks }: Checked, giveBack: () => Promise<void>): Promise<Result<WishDetail>> {
  const { actor, now } = ctx
  const _id = wishIdFor(actor.userId, input.idempotencyKey)
  const born = newWish(
    {
      _id, idempotencyKey: input.idempotencyKey, wisherId: actor.userId, place: input.place, streetId: located.streetId,
      route: wishRouteOf(located.route, directory.branches.values()), category: input.category, text: input.text, photos: input.photos, neededBy,
      delivery: input.delivery, marks,
    },
    now,
  )
  let wish = born.wish
  const events: WishEvent[] = [born.event]
  if (!verdict.ok) {
    const flagged = applyWishTransition(wish, 'flag', WISH_SYSTEM, now, { mark: { kind: 'contentFlag', detail: verdict.reason.slice(0, 200) } })
    if (!flagged.ok) throw new Error(`flagging a new wish was refused: ${flagged.detail}`)
    wish = flagged.wish
    events.push(flagged.event)
  }
  const phone = actor.user?.phone
  const address = addressOf(input.place, located, directory)
  const stored = toStored(wish, events, {
    name: actor.user?.name ?? '居民', ...(phone !== undefined && { phone }), ...(address !== undefined && { address }),
  })
  // Who is told (the reviewers) is read beside the insert; wasted on a retry, nothing written for it.
  const followUp = prepareAfterWishWrite(null, stored, events, now)
  if ((await insertWish(stored)) === 'exists') {
    await giveBack()
    return answerAgain(_id, ctx, directory)
  }
  // Posted: the events' append, what follows the write and the answer side by side; the answer's
  // timeline is the events just inserted, shown before their append lands.
  insertedWith(stored)
  const [, , result] = await Promise.all([appendCommitted(stored, events), followUp(), answer(stored, ctx, directory)])
  return result
}

async function answer(stored: StoredWish, ctx: UseCaseContext, directory: Directory): Promise<Result<WishDetail>> {
  const detail = await detailOf(stored, ctx.actor, memberFactsOf(ctx.actor, directory), ctx.now)
  if (!detail) throw new Error(`the wisher cannot see wish ${stored._id}`)
  return success(detail)
}

/** The retried submit: the first answer again, and the first write's events appended if a crash lost them. */
async function answerAgain(id: string, ctx: UseCaseContext, directory: Directory): Promise<Result<WishDetail>> {
  const existing = await loadWish(id)
  if (!existing) throw new Error(`wish ${id} was reported taken but cannot be read`)
  await appendEvents(existing.recentEvents)
  return answer(existing, ctx, directory)
}
