import type { Actor } from '../shared/core/actor'
import { NO_MEMBERSHIP, type MemberFacts } from '../shared/core/wish/wish-policy'
import { branchLineage, type Directory } from '../shared/runtime/directory-cache'

/**
 * What the directory says of the caller's party membership (wish-policy MemberFacts): a verified
 * membership counts with the branches above it up to the community's 大党委, whose community is the
 * one widened wishes reach. A pending registration counts for nothing; nor does a branch above the
 * community (the street's 大工委 is no community's).
 */
export function memberFactsOf(actor: Actor, directory: Directory): MemberFacts {
  const party = actor.user?.party
  if (!party || party.status !== 'verified') return NO_MEMBERSHIP
  const verifiedBranchIds: string[] = []
  for (const id of branchLineage(directory, party.branchId)) {
    const branch = directory.branches.get(id)
    if (!branch) break
    verifiedBranchIds.push(id)
    if (branch.level === 'community') return { verifiedBranchIds, partyCommunityIds: [branch.unitId] }
    if (branch.level === 'street') break
  }
  return { verifiedBranchIds: verifiedBranchIds.filter((id) => directory.branches.get(id)?.level !== 'street'), partyCommunityIds: [] }
}
