import type { DecisionStatus, HouseholdView, Role } from '@/types'

/** Role names as residents say them. */
export const roleLabels: Record<Role, string> = {
  resident: '居民',
  verifiedResident: '已认证居民',
  partyMember: '党员',
  branchSecretary: '支部书记',
  gridWorker: '网格员',
  committee: '居委会工作人员',
  streetAdmin: '街道工作人员',
}

/** Roles whose holders get the staff workbench entry; the server still decides each list. */
export const staffRoles: ReadonlySet<Role> = new Set<Role>(['branchSecretary', 'gridWorker', 'committee', 'streetAdmin'])

/** How a decision reads to the person who asked for it. */
export const decisionLabels: Record<DecisionStatus, string> = {
  pending: '等待确认',
  approved: '已通过',
  refused: '没有通过',
}

export const householdLine = (household: Omit<HouseholdView, 'householdId' | 'room'> & { room?: string }): string =>
  [household.communityName, household.estate, household.buildingName, household.room].filter(Boolean).join(' ')
