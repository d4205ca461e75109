import type { Branch, Role, User } from '../../../types'

/** Who is calling, as the server sees it: built from the user record the caller's OPENID names. */
export type Actor = {
  userId: string
  user: User | null
  roles: Role[]
  gridIds: string[]
  communityIds: string[]
  streetIds: string[]
  /** Branches whose secretary the caller is. */
  branchIds: string[]
}

/** Roles are data: derived from the user record and the branches whose secretary the caller is. */
export function actorFrom(userId: string, user: User | null, secretaryOf: Branch[]): Actor {
  const roles: Role[] = ['resident']
  if (user?.householdId) roles.push('verifiedResident')
  if (user?.party?.status === 'verified') roles.push('partyMember')
  if (secretaryOf.length > 0) roles.push('branchSecretary')
  if (user?.staff.gridWorker) roles.push('gridWorker')
  if (user?.staff.committee) roles.push('committee')
  if (user?.staff.streetAdmin) roles.push('streetAdmin')
  return {
    userId,
    user,
    roles,
    gridIds: user?.staff.gridWorker?.gridIds ?? [],
    communityIds: user?.staff.committee?.communityIds ?? [],
    streetIds: user?.staff.streetAdmin?.streetIds ?? [],
    branchIds: secretaryOf.map((branch) => branch._id),
  }
}
