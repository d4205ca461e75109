import { failure, type ActionOutput, type NoticeKind, type RequestRates } from '@/types'
import type { Answers } from './answers'
import { at, HOUR, requestDetail } from '../../component/support/request-fixtures'

// Builders the component fixtures do not have, made from theirs so both tell the same story:
// 王秀英's 3号楼 lift, routed to 网格员周丽 of 康乐一网格.

type RouteAnswer = ActionOutput<'directory', 'route'>
type MessageItem = ActionOutput<'requests', 'myMessages'>['items'][number]
type Dashboard = ActionOutput<'requests', 'dashboard'>
type SubscriptionAnswer = ActionOutput<'directory', 'mySubscriptions'>[number]

/** directory.route for the household of requestDetail(): the same grid, handler and deadlines. */
export const routeDecision = (over: Partial<RouteAnswer> = {}): RouteAnswer => {
  const { route, deadlines, owner } = requestDetail()
  if (!deadlines) throw new Error('requestDetail() is a dispatched request: it has deadlines')
  return {
    ...route,
    communityName: '康乐社区',
    gridName: '康乐一网格',
    branchName: '康乐一网格党支部',
    handlerName: owner?.name ?? null,
    respondBy: deadlines.respondBy,
    resolveBy: deadlines.resolveBy,
    ...over,
  }
}

export const message = (over: Partial<MessageItem> = {}): MessageItem => ({
  _id: 'msg-1',
  audience: 'resident',
  requestId: requestDetail()._id,
  action: 'accept',
  kind: 'progress',
  title: '您反映的事已有人接单',
  body: '网格员周丽已接单，会在 3月4日 09:00 前答复您。',
  at: at + HOUR,
  unread: false,
  ...over,
})

export const rates = (over: Partial<RequestRates> = {}): RequestRates => ({
  dispatched: 12,
  responseCounted: 10,
  respondedOnTime: 9,
  rated: 8,
  resolved: 6,
  partly: 1,
  satisfied: 7,
  closedUnrated: 1,
  proactive: 2,
  responseRate: 0.9,
  resolutionRate: 0.75,
  satisfactionRate: 0.875,
  ...over,
})

/** Monday 00:00 in Shanghai, 8 weeks before the week of 2025-03-03. */
const firstWeek = Date.UTC(2025, 0, 5, 16)
const WEEK = 7 * 86_400_000

export const dashboard = (over: Partial<Dashboard> = {}): Dashboard => ({
  scopeName: '康乐社区',
  total: rates(),
  byCommunity: [{ communityId: 'comm-kangle', communityName: '康乐社区', rates: rates() }],
  byGrid: [{ communityId: 'comm-kangle', gridId: 'grid-kangle-1', gridName: '康乐一网格', rates: rates() }],
  overdue: [],
  overdueTotal: 0,
  trend: {
    weeks: Array.from({ length: 8 }, (_, i) => ({ from: firstWeek + i * WEEK, to: firstWeek + (i + 1) * WEEK })),
    rates: Array.from({ length: 8 }, (_, i) => rates({ responseRate: i === 0 ? null : i / 10 })),
    byGrid: [{ communityId: 'comm-kangle', gridId: 'grid-kangle-1', gridName: '康乐一网格', filed: [0, 1, 2, 3, 4, 5, 6, 7] }],
  },
  ...over,
})

/**
 * One template of directory.mySubscriptions (and of grantSubscriptions' answer): `T-<kind>` stands for
 * the id a deployment configured for that kind, `remaining` the messages its accepted taps still allow.
 */
export const subscription = (kind: NoticeKind, remaining = 0, over: Partial<SubscriptionAnswer> = {}): SubscriptionAnswer => ({
  kind,
  templateId: `T-${kind}`,
  remaining,
  always: false,
  ...over,
})

/**
 * The workbench's 邻里议事厅 queues as the council function answers each kind of staff: the committee
 * decides proposals and confirms assisted ballots; a grid worker confirms assisted ballots only
 * (proposals are the committee's: FORBIDDEN). Nothing waiting in either.
 */
export const councilQueues = {
  committee: { listProposals: { items: [], nextCursor: null }, listAssistedBallots: [] },
  gridWorker: { listProposals: failure('FORBIDDEN'), listAssistedBallots: [] },
} satisfies Record<string, Answers['council']>
