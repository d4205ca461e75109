import type { Actor } from '../../cloudfunctions/shared/core/actor'
import type { RequestDraft } from '../../cloudfunctions/shared/core/request/new-request'
import type { Category } from '../../types/category.schema'

/** The request unit tests' common filing: one household of grid-1 in comm-1, routed to 网格员 u-owner. */
export const person = (userId: string, scopes: Partial<Pick<Actor, 'gridIds' | 'communityIds' | 'streetIds'>> = {}): Actor =>
  ({ userId, user: null, roles: ['resident'], gridIds: [], communityIds: [], streetIds: [], branchIds: [], ...scopes })

export function requestDraft(
  category: Category,
  text: string,
  { route, ...over }: Omit<Partial<RequestDraft>, 'route'> & { route?: Partial<RequestDraft['route']> } = {},
): RequestDraft {
  return {
    _id: 'req', idempotencyKey: 'key-00000001', category, text, photos: [], place: { householdId: 'hh-1' },
    location: null, residentId: 'u-res', filedBy: { kind: 'resident' },
    route: { communityId: 'comm-1', gridId: 'grid-1', buildingId: null, branchId: 'br-1', partyGroupId: null, handlerId: 'u-owner',
      handlerRole: 'gridWorker', locateRule: 'household', classifyRule: `${category}→gridWorker`, category, ...route },
    streetId: 'street-1',
    ...over,
  }
}
