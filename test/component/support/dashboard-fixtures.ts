import type { ActionOutput, RequestRates, WeeklyTrend } from '@/types'

type Board = ActionOutput<'requests', 'dashboard'>

export const rates = (over: Partial<RequestRates> = {}): RequestRates => ({
  dispatched: 12, responseCounted: 10, respondedOnTime: 9, rated: 8, resolved: 6, partly: 1, satisfied: 7, closedUnrated: 2, proactive: 3,
  responseRate: 0.9, resolutionRate: 0.75, satisfactionRate: 0.875, ...over,
})

export const noRates = rates({
  dispatched: 0, responseCounted: 0, respondedOnTime: 0, rated: 0, resolved: 0, partly: 0, satisfied: 0, closedUnrated: 0, proactive: 0,
  responseRate: null, resolutionRate: null, satisfactionRate: null,
})

const WEEK = 7 * 24 * 3_600_000
/** Monday 6 January 2025, 00:00 in Shanghai: the first of eight weeks, the last beginning 24 February. */
export const firstMonday = Date.UTC(2025, 0, 5, 16)

export const weeklyTrend = (over: Partial<WeeklyTrend> = {}): WeeklyTrend => ({
  weeks: Array.from({ length: 8 }, (_, i) => ({ from: firstMonday + i * WEEK, to: firstMonday + (i + 1) * WEEK })),
  rates: Array.from({ length: 8 }, () => noRates),
  byGrid: [],
  ...over,
})

export const board = (over: Partial<Board> = {}): Board => ({
  scopeName: '康乐社区',
  total: rates(),
  byCommunity: [],
  byGrid: [],
  overdue: [],
  overdueTotal: 0,
  trend: weeklyTrend(),
  ...over,
})
