import type { Actor } from './actor'

/**
 * Who may do what: the one place to read. Each permission names the resource facts it needs; the
 * use case looks those up and asks. Street admins may do everything within their street.
 */
export type Permission =
  | { action: 'binding.queue'; communityId: string; streetId: string }
  | { action: 'binding.review'; communityId: string; streetId: string; applicantId: string }
  | { action: 'binding.list' }
  | { action: 'party.queue'; branchLineage: string[] }
  | { action: 'party.verify'; branchLineage: string[]; applicantId: string }
  | { action: 'party.list' }

export function can(actor: Actor, permission: Permission): boolean {
  switch (permission.action) {
    case 'binding.queue':
      return actor.communityIds.includes(permission.communityId) || actor.streetIds.includes(permission.streetId)
    // Nobody approves their own binding: a verified household carries a vote in 议事厅.
    case 'binding.review':
      return permission.applicantId !== actor.userId && can(actor, { ...permission, action: 'binding.queue' })
    case 'binding.list':
      return actor.communityIds.length > 0 || actor.streetIds.length > 0
    // A branch's own secretary verifies its members; a secretary higher up the lineage may stand in
    // for a branch that has none (党员中心户 and new 楼栋党小组 often don't).
    case 'party.queue':
      return permission.branchLineage.some((branchId) => actor.branchIds.includes(branchId))
    case 'party.verify':
      return permission.applicantId !== actor.userId && can(actor, { ...permission, action: 'party.queue' })
    case 'party.list':
      return actor.branchIds.length > 0
    default: {
      const unreachable: never = permission
      return unreachable
    }
  }
}
