import { z } from 'zod'
import { Category } from './category.schema'
import { GeoPoint } from './geo.schema'

/** Which step of routing decided where an item goes; every dispatch can be explained with it. */
export const LocateRule = z.enum([
  'household', // the caller's approved household → building → grid
  'point-in-grid', // the point lies in exactly one grid
  'point-overlap-smaller', // the point lies in several grids: the smaller one wins
  'outside-every-grid', // the point lies in no grid: the nearest community's own queue
])
export type LocateRule = z.infer<typeof LocateRule>

export const HandlerRole = z.enum(['gridWorker', 'propertyContact', 'elderlyServices', 'communityGeneral', 'communityQueue'])
export type HandlerRole = z.infer<typeof HandlerRole>

export const RouteTarget = z.union([
  z.object({ householdId: z.string().min(1).max(64) }),
  z.object({ point: GeoPoint }),
])
export type RouteTarget = z.infer<typeof RouteTarget>

export const RouteDecision = z.object({
  communityId: z.string(),
  gridId: z.string().nullable(),
  buildingId: z.string().nullable(),
  branchId: z.string().nullable(),
  partyGroupId: z.string().nullable(),
  /** The user who will own the item; null when it lands in the community's queue. */
  handlerId: z.string().nullable(),
  handlerRole: HandlerRole,
  locateRule: LocateRule,
  /** The category matrix cell that chose the handler, e.g. `property→propertyContact`, or its fallback. */
  classifyRule: z.string(),
  category: Category,
})
export type RouteDecision = z.infer<typeof RouteDecision>
