import { bindingRequest, household, registration, whoami } from '../component/support/fixtures'
import { requestDetail, requestSummary } from '../component/support/request-fixtures'
import { wishDetail, wishItem } from '../component/support/wish-fixtures'
import { memberRecord, signals } from '../component/support/wish-staff-fixtures'
import { assistedBallot, monthlyCluster, proposalView, topicDetail, topicItem } from '../component/support/council-fixtures'
import { failure } from '@/types'
import type { Answers } from './support/answers'
import { readAppRoutes } from './support/dist'
import { councilQueues, dashboard, message } from './support/fixtures'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

const partyMember = whoami({ name: '党员刘建华', roles: ['resident', 'verifiedResident', 'partyMember'], household })
const noWishes = { items: [], nextCursor: null }
const committee = whoami({ name: '康乐社区居委会', roles: ['resident', 'committee'], household, scopes: { gridIds: [], communityIds: ['comm-kangle'], streetIds: [], branchIds: [] } })
const verified = whoami({ roles: ['resident', 'verifiedResident'], household })
const communities = [{ id: 'comm-kangle', name: '康乐社区', type: '老公房' as const }]

/**
 * Each page of app.json, the url it is opened with, what the functions answer it, and a line it
 * must then show. A page added to app.config.ts without a row here fails the test below.
 */
const pages: Record<string, { url?: string; answers: Answers; shows: string }> = {
  'pages/home/index': { answers: {}, shows: '有困难找居村' },
  'pages/messages/index': { answers: { requests: { myMessages: { items: [message()], nextCursor: null } } }, shows: '您反映的事已有人接单' },
  'pages/mine/index': { answers: { directory: { whoami: committee } }, shows: '工作台' },
  'pages-resident/help/index': { answers: { directory: { whoami: whoami() } }, shows: '遇到的是哪一类事？' },
  'pages/requests/index': { answers: { requests: { listMine: { items: [requestSummary()], nextCursor: null } } }, shows: '3号楼电梯停了两天' },
  'pages/request/index': { url: '/pages/request/index?id=rq-1', answers: { requests: { detail: requestDetail() } }, shows: '物业服务 · 等待接单' },
  'pages-resident/bind/index': { answers: { directory: { listCommunities: [{ id: 'comm-kangle', name: '康乐社区', type: '老公房' }] } }, shows: '康乐社区' },
  'pages-resident/party/index': { answers: { directory: { listBranches: [{ id: 'branch-grid-kangle-1', name: '康乐一网格党支部', level: 'grid', parentId: 'branch-comm-kangle' }] } }, shows: '康乐一网格党支部' },
  'pages-staff/workbench/index': {
    answers: {
      requests: { inboxCounts: { overdue: 0, toAccept: 0, inHand: 0, awaitingRating: 0, review: 0 } },
      directory: { whoami: committee, listBindingRequests: [bindingRequest()], listPartyRegistrations: [registration()] },
      wishes: { listForReview: noWishes, branchOverview: failure('FORBIDDEN') },
      council: { ...councilQueues.committee, listProposals: { items: [proposalView({ status: 'awaitingDecision' })], nextCursor: null } },
    },
    shows: '李建国',
  },
  'pages-staff/inbox/index': {
    answers: { requests: { inboxCounts: { overdue: 0, toAccept: 1, inHand: 0, awaitingRating: 0, review: 0 }, inbox: { items: [requestSummary()], nextCursor: null } } },
    shows: '3号楼电梯停了两天',
  },
  'pages-staff/request/index': { url: '/pages-staff/request/index?id=rq-1', answers: { requests: { detail: requestDetail({ availableActions: ['accept'] }) } }, shows: '接单' },
  'pages-staff/file/index': { url: '/pages-staff/file/index?kind=proactive', answers: { directory: { whoami: committee } }, shows: '巡查发现（主动治理）' },
  'pages-staff/dashboard/index': {
    answers: { directory: { whoami: committee }, requests: { dashboard: dashboard() }, wishes: { signals: { totals: signals(), byBranch: [], byGrid: [] } } },
    shows: '康乐社区超时清单（共 0 件）',
  },
  'pages-wish/home/index': { answers: { directory: { whoami: partyMember } }, shows: '认领微心愿' },
  'pages-wish/post/index': { answers: { directory: { whoami: whoami({ household }) } }, shows: '您需要哪一类帮助？' },
  'pages-wish/mine/index': { answers: { wishes: { listMine: { items: [wishItem({ status: 'claimed', claimed: true, claimerName: '刘*' })], nextCursor: null } } }, shows: '认领人：刘*' },
  'pages-wish/detail/index': { url: '/pages-wish/detail/index?id=w-1', answers: { wishes: { detail: wishDetail() } }, shows: '腿脚不便，想请人帮忙买降压药' },
  'pages-wish/member/index': {
    answers: { wishes: { listForMe: { items: [wishItem({ near: 'grid' })], nextCursor: null }, myClaims: noWishes, myRecord: { record: memberRecord(), lines: [] } } },
    shows: '独居老人需要有人帮忙买降压药',
  },
  'pages-wish/wall/index': {
    answers: { wishes: { wall: { communityId: 'comm-kangle', communityName: '康乐社区', items: [{ _id: 'w-1', category: 'elderlyDisabled', summary: '独居老人需要有人帮忙买药', branchName: '康乐三网格党支部', realisedAt: 1_741_000_000_000 }], nextCursor: null } } },
    shows: '独居老人需要有人帮忙买药',
  },
  'pages-wish/review/index': {
    answers: { directory: { whoami: committee }, wishes: { listForReview: { items: [wishItem({ status: 'inReview', summary: null })], nextCursor: null }, settings: { communityId: 'comm-kangle', openPerHousehold: 2 } } },
    shows: '腿脚不便，想请人帮忙买降压药',
  },
  'pages-wish/branch/index': {
    answers: {
      directory: { whoami: committee, listBranches: [{ id: 'br-grid-kangle-3', name: '康乐三网格党支部', level: 'grid', parentId: 'br-comm-kangle' }] },
      wishes: { branchOverview: { branch: { _id: 'br-grid-kangle-3', name: '康乐三网格党支部' }, unclaimed: [], lapsed: [], members: [memberRecord()], ranking: [] } },
    },
    shows: '刘建华',
  },
  'pages-council/home/index': {
    answers: { directory: { whoami: verified }, council: { listTopics: { items: [topicItem()], nextCursor: null } } },
    shows: '在3号楼旁边建电动自行车充电棚',
  },
  'pages-council/topic/index': {
    url: '/pages-council/topic/index?id=tp-1',
    answers: { council: { topic: topicDetail(), comments: { items: [], nextCursor: null } } },
    shows: '已投 37 / 共 120 户',
  },
  'pages-council/propose/index': { answers: { directory: { whoami: verified } }, shows: '提议怎么变成大家投票的事' },
  'pages-council/proposal/index': { url: '/pages-council/proposal/index?id=pp-1', answers: { council: { proposal: proposalView() } }, shows: '已有 3 户联署，需要 10 户，还差 7 户' },
  'pages-council/open/index': {
    answers: { directory: { whoami: committee, listCommunities: communities }, council: { countElectorate: { units: 120, households: 120 } } },
    shows: '这个范围现在有 120 户可以投票',
  },
  'pages-council/decide/index': {
    answers: { council: { listProposals: { items: [proposalView({ status: 'awaitingDecision', availableActions: ['accept', 'decline'] })], nextCursor: null } } },
    shows: '采纳为议题',
  },
  'pages-council/assisted/index': { answers: { council: { listAssistedBallots: [assistedBallot()] } }, shows: '3月5日上午王阿姨打电话来说赞成' },
  'pages-council/monthly/index': {
    answers: { directory: { whoami: committee, listCommunities: communities }, council: { monthlyClusters: [monthlyCluster()] } },
    shows: '康乐一网格 · 公共设施',
  },
}

const routes = readAppRoutes()

test('the table covers every page of app.json, the staff subpackage included', () => {
  expect(Object.keys(pages).sort()).toEqual([...routes.pages].sort())
  expect([...routes.subpackageOf.keys()]).toEqual(expect.arrayContaining(['pages-staff/workbench/index', 'pages-staff/request/index']))
})

// The console guard fails each of these on any console.error/warn or uncaught error while it runs.
test.each(routes.pages)('%s opens and renders what its functions answered', async (route) => {
  const { url = `/${route}`, answers, shows } = pages[route] ?? { answers: {}, shows: `a row for ${route} in this table` }
  weapp.answer(answers)
  const page = await weapp.launch(url)
  await page.find(shows)
  await page.waitForGone(/正在加载/)
  expect(weapp.stack()).toEqual([route])
  expect(page.text()).not.toMatch(/没有办成|没有找到/)
})
