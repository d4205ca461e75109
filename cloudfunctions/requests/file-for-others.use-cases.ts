import { failure, Household, User, type Failure } from '../../types'
import { namedResidentRefusal, type BoundHome } from '../shared/core/request/on-behalf'
import { canRequest } from '../shared/core/request/request-policy'
import { Collections } from '../shared/runtime/collections'
import { householdOf, loadDirectory } from '../shared/runtime/directory-cache'
import { findById } from '../shared/runtime/documents'
import type { ActionHandler, UseCaseContext } from '../shared/runtime/function-entry'
import { fileRequest, refuseFiling } from './filing'
import { preloadable } from '../shared/runtime/invocation'
import { preloadedPlaceHousehold, type Located } from '../shared/runtime/locate-place'

/** 代办 and 主动治理 are staff's work within their own territory (request-policy: request.fileForOthers). */
const withinTerritory = ({ actor }: UseCaseContext) => (located: Located) =>
  canRequest(actor, { action: 'request.fileForOthers', gridId: located.route.gridId, communityId: located.route.communityId, streetId: located.streetId })
    ? null
    : failure('FORBIDDEN', '只能在自己负责的网格或社区内代办、主动发现')

const isStaff = ({ actor }: UseCaseContext) => actor.gridIds.length + actor.communityIds.length + actor.streetIds.length > 0

const namedById = preloadable(Collections.users, (id) => findById(Collections.users, id, User))
/** The account a 代办 names, read beside the caller's record: it needs only the input. */
export const preloadNamedAccount = ({ resident }: { resident: { userId?: string } }) => {
  const { userId } = resident
  if (userId !== undefined) namedById.start(userId)
}

/**
 * The named account and the home its approved binding gives it, or null when there is no such account.
 * `placeHousehold`: the household the place names, read already; the usual 代办 is at the resident's
 * own home, and then their binding's household is that read, not another.
 */
async function namedAccount(userId: string, placeHousehold: Promise<Household | null> | undefined, now: number): Promise<{ userId: string; home: BoundHome | null } | null> {
  const user = await namedById.read(userId)
  if (!user) return null
  const atPlace = placeHousehold && (await placeHousehold)
  const household = !user.householdId ? null : atPlace?._id === user.householdId ? atPlace : await householdOf(user.householdId, now)
  const building = household ? (await loadDirectory(now)).buildings.get(household.buildingId) : undefined
  return { userId, home: household && building ? { householdId: household._id, gridId: building.gridId, communityId: building.communityId } : null }
}

/**
 * 代办: for a resident who cannot use the app. They may have no account (then a colleague who did not
 * handle it rates on the 回访 call); if they have one, it is theirs to follow and rate like any other,
 * so it must be the household's own (core/request/on-behalf.ts), never the filer's.
 */
export const fileOnBehalf: ActionHandler<'requests', 'fileOnBehalf'> = async ({ resident, ...input }, ctx) => {
  if (!isStaff(ctx)) return refuseFiling(input.idempotencyKey, ctx, failure('FORBIDDEN', '代办由网格员或社区工作人员发起'))
  const household = preloadedPlaceHousehold(input.place)
  const named = resident.userId === undefined ? null : await namedAccount(resident.userId, household, ctx.now)
  if (resident.userId !== undefined && !named) return refuseFiling(input.idempotencyKey, ctx, failure('NOT_FOUND', '没有找到这位居民的账号'))
  const mayName = (located: Located): Failure | null => {
    const why = named && namedResidentRefusal(ctx.actor.userId, named, input.place, located.route)
    return why ? failure('FORBIDDEN', why, ['resident.userId']) : null
  }
  return fileRequest(
    {
      ...input,
      ...(resident.phone !== undefined && { contactPhone: resident.phone }),
      residentId: resident.userId ?? null,
      filedBy: { kind: 'onBehalf', staffId: ctx.actor.userId, residentName: resident.name },
      authorize: (located) => withinTerritory(ctx)(located) ?? mayName(located),
      ...(household && { household }),
    },
    ctx,
  )
}

/** 主动治理 / 未诉先办: found on patrol, no resident behind it, no one to rate it. */
export const fileProactive: ActionHandler<'requests', 'fileProactive'> = async (input, ctx) => {
  if (!isStaff(ctx)) return refuseFiling(input.idempotencyKey, ctx, failure('FORBIDDEN', '主动发现由网格员或社区工作人员发起'))
  return fileRequest({ ...input, residentId: null, filedBy: { kind: 'proactive', staffId: ctx.actor.userId }, authorize: withinTerritory(ctx) }, ctx)
}
