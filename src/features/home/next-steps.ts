import type { RequestStatus, RequestSummary, WishListItem, WishStatus } from '@/types'

/**
 * 首页's "my open items" (issue 9): each with the next step in words a resident reads at a glance —
 * whose move it is. `yours` marks the ones waiting for the resident. Words only: what may be done
 * is still the server's answer on the item's own page.
 */
export type NextStep = { words: string; yours: boolean }

const someone = (name: string | null | undefined) => name ?? '工作人员'

export function requestNextStep(request: Pick<RequestSummary, 'status' | 'owner'>): NextStep | null {
  const steps: Record<RequestStatus, NextStep | null> = {
    submitted: { words: '正在派给网格员', yours: false },
    inReview: { words: '居委会正在审核', yours: false },
    dispatched: { words: `等${someone(request.owner?.name)}接单`, yours: false },
    accepted: { words: `${someone(request.owner?.name)}正在办`, yours: false },
    inProgress: { words: `${someone(request.owner?.name)}正在办`, yours: false },
    escalated: { words: '已上报，正在一起办', yours: false },
    replied: { words: '待您评价', yours: true },
    closed: null,
    closedUnrated: null,
    withdrawn: null,
    referred: null,
    rejected: null,
  }
  return steps[request.status]
}

const wishSteps: Record<WishStatus, NextStep | null> = {
  inReview: { words: '居委会正在核实', yours: false },
  published: { words: '心愿待认领', yours: false },
  claimed: { words: '党员正在帮您办', yours: false },
  fulfilled: { words: '待您确认', yours: true },
  realised: null,
  returned: null,
  withdrawn: null,
  converted: null,
  expired: null,
}

export const wishNextStep = (wish: Pick<WishListItem, 'status'>): NextStep | null => wishSteps[wish.status]
