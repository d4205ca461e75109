import type { DecisionStatus } from '../../../types'

/**
 * The lifecycle of a household binding and of a party registration: the committee (or the branch
 * secretary) approves or refuses a pending one, once. The only door to a new status.
 */
export type DecisionEvent = 'approve' | 'refuse'

export const decisionTransitions: Record<DecisionStatus, Partial<Record<DecisionEvent, DecisionStatus>>> = {
  pending: { approve: 'approved', refuse: 'refused' },
  approved: {},
  refused: {},
}

export function decide(status: DecisionStatus, event: DecisionEvent): DecisionStatus | null {
  return decisionTransitions[status][event] ?? null
}

export const isOpenDecision = (status: DecisionStatus): boolean => Object.keys(decisionTransitions[status]).length > 0
