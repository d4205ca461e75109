import { z } from 'zod'
import { ownersOnly, type DecisionRule, type TopicScope, type VotingUnit } from '../../types'
import { householdUnit, inScope, personUnit } from '../shared/core/council/council-policy'
import { Collections } from '../shared/runtime/collections'
import type { Directory } from '../shared/runtime/directory-cache'
import { findByIds } from '../shared/runtime/documents'

/** One voting unit of an electorate: the household or the person, with what the ballot keeps of it. */
export type Voter = { unitId: string; householdId: string; area?: number }

const HouseholdRow = z.object({ _id: z.string(), buildingId: z.string(), area: z.number().optional() })
const BoundRow = z.object({ _id: z.string(), householdId: z.string() })

export const buildingsIn = (directory: Directory, scope: TopicScope): string[] =>
  [...directory.buildings.values()].filter((building) => inScope(scope, building)).map((building) => building._id)

/** The communities a scope lies in (whose committees run a topic over it). */
export function communitiesOf(directory: Directory, scope: TopicScope): string[] {
  const ids = new Set(buildingsIn(directory, scope).map((id) => directory.buildings.get(id)!.communityId))
  return [...ids].sort()
}

const householdsIn = (buildingIds: readonly string[]) => findByIds(Collections.households, buildingIds, HouseholdRow, 'buildingId')

/**
 * The electorate of a scope as it stands now (issue 8: "fixed when voting opens"): per household,
 * every household of the scope — the app's users or not, since 民法典 art. 278 counts all owners and
 * all area, and anyone may vote on paper through staff; per person, every verified resident bound to
 * a household of it. Under art. 278 each household is an owner unit with its floor area.
 */
export async function electorateOf(directory: Directory, scope: TopicScope, unit: VotingUnit, rule: DecisionRule): Promise<{ voters: Voter[]; ownerArea?: number }> {
  const households = await householdsIn(buildingsIn(directory, scope))
  if (unit === 'household') {
    const voters = households.map((h) => ({ unitId: householdUnit(h._id), householdId: h._id, ...(h.area !== undefined && { area: h.area }) }))
    return ownersOnly(rule) ? { voters, ownerArea: households.reduce((sum, h) => sum + (h.area ?? 0), 0) } : { voters }
  }
  const bound = await findByIds(Collections.users, households.map((h) => h._id), BoundRow, 'householdId')
  return { voters: bound.map((user) => ({ unitId: personUnit(user._id), householdId: user.householdId })) }
}
