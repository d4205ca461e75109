import type { Category } from '../../../types/category.schema'
import type { Building, Community, Grid } from '../../../types/directory.schema'
import type { HandlerRole } from '../../../types/route.schema'

type PersonRole = Exclude<HandlerRole, 'communityQueue'>

/**
 * 分类处置: who answers each category, in order of preference. The first role that resolves to a person
 * wins (the explicit tie-break when several could answer); when none does, the item waits in the
 * community's queue for the committee to assign. The grid worker closes every list because 首接负责
 * makes the grid's worker on duty the owner of anything no specialist post takes.
 */
export const categoryMatrix: Record<Category, readonly PersonRole[]> = {
  property: ['propertyContact', 'gridWorker'],
  hazard: ['gridWorker'],
  environment: ['gridWorker'],
  facility: ['gridWorker'],
  elderly: ['elderlyServices', 'gridWorker'],
  neighbour: ['gridWorker'],
  other: ['communityGeneral', 'gridWorker'],
}

/** What the matrix may draw on: the located grid and building, when routing found them. */
export type ClassifyContext = { community: Community; grid: Grid | null; building: Building | null }

/** The rota's first worker is on duty unless the grid names another (types/directory.schema.ts). */
export const onDutyWorker = (grid: Grid): string | null => grid.onDuty ?? grid.workerIds[0] ?? null

const resolvers: Record<PersonRole, (ctx: ClassifyContext) => string | null> = {
  // The property company serves an estate; the building carries its contact.
  propertyContact: (ctx) => ctx.building?.propertyContactId ?? null,
  gridWorker: (ctx) => (ctx.grid ? onDutyWorker(ctx.grid) : null),
  elderlyServices: (ctx) => ctx.community.posts.elderlyServices ?? null,
  communityGeneral: (ctx) => ctx.community.posts.general ?? null,
}

export type Classification = { handlerId: string | null; handlerRole: HandlerRole; classifyRule: string }

export function classify(category: Category, ctx: ClassifyContext): Classification {
  const roles = categoryMatrix[category]
  for (const [rank, role] of roles.entries()) {
    const handlerId = resolvers[role](ctx)
    if (handlerId !== null) {
      return { handlerId, handlerRole: role, classifyRule: `${category}→${role}${rank > 0 ? ' (fallback)' : ''}` }
    }
  }
  return { handlerId: null, handlerRole: 'communityQueue', classifyRule: `${category}→communityQueue (unresolved)` }
}

/** Outside every grid no matrix cell applies: the nearest community's queue takes the item as is. */
export const outsideEveryGrid = (category: Category): Classification => ({
  handlerId: null,
  handlerRole: 'communityQueue',
  classifyRule: `${category}→communityQueue (outside every grid)`,
})
