import type { Building } from '../../../../types/directory.schema'
import { tenureMayVote, type Proposal, type ProposalRelation, type Topic, type TopicRelation, type TopicScope, type TopicStatus, type VotingUnit } from '../../../../types/council.schema'
import type { Actor } from '../actor'

/** Whether a building lies in a topic's scope (issue 8: "scope (community / grids / buildings)"). */
export function inScope(scope: TopicScope, building: Pick<Building, '_id' | 'gridId' | 'communityId'>): boolean {
  switch (scope.kind) {
    case 'community':
      return scope.communityIds.includes(building.communityId)
    case 'grids':
      return scope.gridIds.includes(building.gridId)
    case 'buildings':
      return scope.buildingIds.includes(building._id)
    default: {
      const unreachable: never = scope
      return unreachable
    }
  }
}

/**
 * A voting unit's id: the household, or the person (issue 8: "one ballot per unit … a deterministic
 * id per topic × unit"). The ballot's `_id` is made from it and the topic by the runtime.
 */
export const householdUnit = (householdId: string): string => `household:${householdId}`
export const personUnit = (userId: string): string => `person:${userId}`
export const unitOf = (unit: VotingUnit, who: { userId: string; householdId: string }): string =>
  unit === 'household' ? householdUnit(who.householdId) : personUnit(who.userId)
/** The person a per-person unit is, or null for a household's. */
export const personOfUnit = (unitId: string): string | null => (unitId.startsWith('person:') ? unitId.slice('person:'.length) : null)

/**
 * Who may cast the ballot of a unit: a verified resident of a household in the scope — under art. 278
 * only its owner. Whether the unit is in the electorate fixed at opening is the stored ballot slot's
 * to say (a household bound after voting opened has none).
 */
export function mayCastFor(actor: Pick<Actor, 'user'>, topic: Pick<Topic, 'rule'>, householdInScope: boolean): boolean {
  if (!actor.user?.householdId || !householdInScope) return false
  return tenureMayVote(topic.rule, actor.user.tenure)
}

/**
 * Issue 8 Rights: a resident "bound after opening" does not vote — the electorate is fixed when
 * voting opens. A user with no binding time on record (the demo seed, data from before it was kept)
 * counts as bound long before.
 */
export const boundBeforeVoting = (user: { boundAt?: number } | null | undefined, electorate: { fixedAt: number } | null): boolean =>
  electorate === null || user?.boundAt === undefined || user.boundAt <= electorate.fixedAt

/** The committee of one of the topic's communities, the street over them, a voter, a resident of the scope. */
export function topicRelationsTo(
  actor: Actor, topic: Pick<Topic, 'communityIds' | 'streetId'>, facts: { voter: boolean; residentInScope: boolean },
): TopicRelation[] {
  const relations: TopicRelation[] = []
  if (topic.communityIds.some((id) => actor.communityIds.includes(id))) relations.push('committee')
  if (actor.streetIds.includes(topic.streetId)) relations.push('streetAdmin')
  if (facts.voter) relations.push('voter')
  if (facts.residentInScope) relations.push('resident')
  return relations.length > 0 ? relations : ['other']
}

/**
 * Issue 8 Sealed: "while the window is open no answer of any function — staff and admins included —
 * reveals counts per option"; counts exist only in the stored result, which a close writes. Turnout
 * may be shown while voting, so people see whether quorum is near.
 */
export const resultVisible = (status: TopicStatus): boolean => status === 'closed' || status === 'following' || status === 'done'

/** Issue 8 Close: "The committee may see which units voted, after close only." */
export const mayListVotedUnits = (topic: Pick<Topic, 'status'>, relations: readonly TopicRelation[]): boolean =>
  resultVisible(topic.status) && (relations.includes('committee') || relations.includes('streetAdmin'))

export function proposalRelationsTo(actor: Actor, proposal: Pick<Proposal, 'proposerId' | 'communityId'>, facts: { cosigned: boolean; residentInScope: boolean }): ProposalRelation[] {
  const relations: ProposalRelation[] = []
  if (proposal.proposerId === actor.userId) relations.push('proposer')
  if (facts.cosigned) relations.push('cosigner')
  if (facts.residentInScope) relations.push('resident')
  if (actor.communityIds.includes(proposal.communityId)) relations.push('committee')
  return relations.length > 0 ? relations : ['other']
}
