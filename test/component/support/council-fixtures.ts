import type { AssistedBallotView, CommentView, MonthlyCluster, MyBallot, ProposalView, TopicDetail, TopicListItem, TopicResult } from '@/types'
import { at, HOUR } from './request-fixtures'

export { at, HOUR }
export const DAY = 24 * HOUR

// One topic of 康乐社区 followed from deliberation to follow-through: the committee asks whether to build
// a charging shed beside 3号楼; 王秀英 of 康乐小区1号楼101室 (fixtures.household) votes for her household.

/** Voting opens at 09:00 on 4 March and closes at 18:00 on 10 March, Beijing time. */
export const opensAt = at + DAY
export const closesAt = Date.UTC(2025, 2, 10, 10, 0)

/** A SHA-256 as the close publishes it: 64 lowercase hex digits. */
export const ballotsHash = '5d41402abc4b2a76b9719d911017c592e3b0c44298fc1c149afbf4c8996fb924'

/** The voter's own line in the proof: their unit's hash and what it chose. */
export const myReceipt = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 yes'

export const myBallot = (over: Partial<MyBallot> = {}): MyBallot => ({ eligible: true, options: null, castAt: null, receipt: null, ...over })

/** A yes/no topic's result after close: decided by a simple majority, quorum met. */
export const topicResult = (over: Partial<TopicResult> = {}): TopicResult => ({
  counts: { yes: 52, no: 18, abstain: 6 },
  eligibleUnits: 120,
  votedUnits: 76,
  quorumMet: true,
  verdict: 'decided',
  adopted: [],
  ballotsHash,
  closedAt: closesAt,
  ...over,
})

/** The topic while voting, as a verified resident of the scope reads it: turnout, no counts. */
export const topicDetail = (over: Partial<TopicDetail> = {}): TopicDetail => ({
  _id: 'tp-1',
  title: '在3号楼旁边建电动自行车充电棚',
  background: '楼道里停电动车、拉线充电，消防检查提了好几次。居委会和物业商量，想在3号楼东侧空地建一个充电棚。',
  photos: [],
  scope: { kind: 'community', communityIds: ['comm-kangle'] },
  scopeLabel: '康乐社区',
  unit: 'household',
  options: { kind: 'yesNo' },
  rule: 'majority',
  quorumPercent: 50,
  opensAt,
  closesAt,
  status: 'voting',
  electorate: { units: 120, fixedAt: opensAt },
  turnout: { voted: 37, eligible: 120 },
  result: null,
  followStage: null,
  minutes: [],
  updates: [],
  cancelReason: null,
  myBallot: myBallot(),
  fromProposalId: null,
  fromRequestIds: [],
  relations: ['voter', 'resident'],
  availableActions: [],
  createdAt: at,
  ...over,
})

/** A choices topic: up to two of four picks. */
export const choicesOptions = { kind: 'choices' as const, choices: ['增加路灯', '修补道路', '增设座椅', '种植绿化'], maxPicks: 2 }

/** The same topic once closed, with its result. */
export const closedTopic = (over: Partial<TopicDetail> = {}): TopicDetail =>
  topicDetail({ status: 'closed', turnout: { voted: 76, eligible: 120 }, result: topicResult(), myBallot: myBallot({ options: ['yes'], castAt: at + 2 * DAY, receipt: myReceipt }), ...over })

export const topicItem = (over: Partial<TopicListItem> = {}): TopicListItem => ({
  _id: 'tp-1',
  title: '在3号楼旁边建电动自行车充电棚',
  status: 'voting',
  scopeLabel: '康乐社区',
  opensAt,
  closesAt,
  voted: false,
  eligible: true,
  verdict: null,
  followStage: null,
  ...over,
})

/** 王秀英's proposal for her building, gathering co-signers: her own signature is the first. */
export const proposalView = (over: Partial<ProposalView> = {}): ProposalView => ({
  _id: 'pp-1',
  title: '1号楼楼道加装扶手',
  background: '楼里老人多，上下楼没有扶手不安全，想请大家一起提议加装。',
  scope: { kind: 'buildings', buildingIds: ['bldg-kl-1'] },
  scopeLabel: '康乐小区 1号楼',
  status: 'gathering',
  signatures: 3,
  threshold: 10,
  expiresAt: at + 14 * DAY,
  reason: null,
  topicId: null,
  signedByMe: false,
  mine: false,
  availableActions: [],
  canSign: true,
  createdAt: at,
  ...over,
})

export const commentView = (over: Partial<CommentView> = {}): CommentView => ({
  _id: 'cm-1',
  parentId: null,
  authorName: '李*',
  role: 'resident',
  text: '充电棚要装监控和灭火器。',
  hidden: null,
  mine: false,
  at: at + 3 * HOUR,
  ...over,
})

// The staff side (council-staff-*.test.tsx).

/** 周敏 of the committee entered 王秀英's phone vote on the charging shed; a colleague has yet to confirm it. */
export const assistedBallot = (over: Partial<AssistedBallotView> = {}): AssistedBallotView => ({
  _id: 'ab-1',
  topicId: 'tp-1',
  topicTitle: '在3号楼旁边建电动自行车充电棚',
  topicOptions: { kind: 'yesNo' },
  placeLabel: '康乐小区 1号楼',
  residentName: '王秀英',
  options: ['yes'],
  via: 'phone',
  note: '3月5日上午王阿姨打电话来说赞成',
  photos: [],
  status: 'pending',
  enteredBy: '周敏',
  mine: false,
  at: at + 2 * DAY,
  ...over,
})

/** March's recurring 公共设施 requests in 康乐一网格: broken lamps, up from last month. */
export const monthlyCluster = (over: Partial<MonthlyCluster> = {}): MonthlyCluster => ({
  category: 'facility',
  placeKind: 'grid',
  placeId: 'grid-kangle-1',
  placeLabel: '康乐一网格',
  count: 7,
  lastMonth: 2,
  examples: [
    { requestId: 'rq-11', excerpt: '3号楼门口的路灯坏了一个星期' },
    { requestId: 'rq-12', excerpt: '小区东门路灯晚上不亮' },
  ],
  requestIds: ['rq-11', 'rq-12', 'rq-13'],
  ...over,
})
