import type { Actor } from './actor'

/** A branch of a registration's lineage (the branch itself first, then each parent up), with its secretary if it has one. */
export type LineageBranch = { branchId: string; secretaryId: string | null }

/**
 * Who decides a party registration: the secretary of the branch it names. A secretary up the lineage
 * stands in only for a branch that has none of its own (党员中心户 and new 楼栋党小组 often don't),
 * and then the nearest one, whom the registration's notice goes to (review-notices.ts). Nobody
 * decides their own: a secretary registering is decided by the next secretary up.
 */
export function registrationDecider(lineage: readonly LineageBranch[], applicantId: string): LineageBranch | null {
  return lineage.find((branch) => branch.secretaryId !== null && branch.secretaryId !== applicantId) ?? null
}

/**
 * Who may do what: the one place to read. Each permission names the resource facts it needs; the
 * use case looks those up and asks. Street admins may do everything within their street.
 */
export type Permission =
  | { action: 'binding.queue'; communityId: string; streetId: string }
  | { action: 'binding.review'; communityId: string; streetId: string; applicantId: string }
  | { action: 'binding.list' }
  | { action: 'party.verify'; lineage: readonly LineageBranch[]; applicantId: string }
  | { action: 'party.list' }

const decidesRegistration = (actor: Actor, lineage: readonly LineageBranch[], applicantId: string) => {
  const decider = registrationDecider(lineage, applicantId)
  return decider !== null && actor.branchIds.includes(decider.branchId)
}

export function can(actor: Actor, permission: Permission): boolean {
  switch (permission.action) {
    case 'binding.queue':
      return actor.communityIds.includes(permission.communityId) || actor.streetIds.includes(permission.streetId)
    // Nobody approves their own binding: a verified household carries a vote in 议事厅.
    case 'binding.review':
      return permission.applicantId !== actor.userId && can(actor, { ...permission, action: 'binding.queue' })
    case 'binding.list':
      return actor.communityIds.length > 0 || actor.streetIds.length > 0
    case 'party.verify':
      return permission.applicantId !== actor.userId && decidesRegistration(actor, permission.lineage, permission.applicantId)
    case 'party.list':
      return actor.branchIds.length > 0
    default: {
      const unreachable: never = permission
      return unreachable
    }
  }
}
