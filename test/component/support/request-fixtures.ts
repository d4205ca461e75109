import type { PhotoView, RequestDetail, RequestSummary } from '@/types'

/** 09:00 on 3 March 2025 in Shanghai, where the screens read every time, whatever zone jest runs in. */
export const at = Date.UTC(2025, 2, 3, 1, 0)
export const HOUR = 3_600_000

/** Pins the clock the pages read (Date.now); jest.restoreAllMocks() puts it back. */
export const pinNow = (now: number) => jest.spyOn(Date, 'now').mockReturnValue(now)

/** A photo as a function answers it: its fileID and the temporary URL made for this viewer. */
export const photoView = (fileId: string, over: Partial<PhotoView> = {}): PhotoView => ({
  fileId,
  url: `https://6a75-jucun-test-1300000000.tcb.qcloud.la/${fileId.replace(/^cloud:\/\/[^/]+\//, '')}?sign=test&t=1741000000`,
  state: 'pass',
  ...over,
})

export const requestDetail = (over: Partial<RequestDetail> = {}): RequestDetail => ({
  _id: 'rq-1',
  category: 'property',
  text: '3号楼电梯停了两天',
  photos: [],
  place: { householdId: 'hh-kl-1-101' },
  location: { lng: 121.4334, lat: 31.1851 },
  residentId: 'openid-resident',
  filedBy: { kind: 'resident' },
  route: {
    communityId: 'comm-kangle',
    gridId: 'grid-kangle-1',
    buildingId: 'bldg-kl-1',
    branchId: 'branch-grid-kangle-1',
    partyGroupId: null,
    handlerId: 'staff-zhou',
    handlerRole: 'gridWorker',
    locateRule: 'household',
    classifyRule: 'property→gridWorker',
    category: 'property',
  },
  streetId: 'street-hubin',
  status: 'dispatched',
  ownerId: 'staff-zhou',
  coHandlerIds: [],
  escalation: 'none',
  deadlines: { respondBy: at + 24 * HOUR, resolveFrom: at, resolveBy: at + 7 * 24 * HOUR },
  dispatchedAt: at,
  respondedAt: null,
  repliedAt: null,
  closedAt: null,
  reply: null,
  rating: null,
  reopenCount: 0,
  referral: null,
  moderation: null,
  followers: 0,
  createdAt: at,
  updatedAt: at,
  version: 1,
  owner: { id: 'staff-zhou', name: '网格员周丽' },
  coHandlers: [],
  communityName: '康乐社区',
  gridName: '康乐一网格',
  placeLabel: '康乐小区 1号楼',
  contact: { masked: false },
  due: { stage: 'respond', dueAt: at + 24 * HOUR, urgency: 'onTime' },
  timeline: [
    { seq: 0, at, actorId: 'openid-resident', actorName: '王秀英', relation: 'requester', action: 'file', from: null, to: 'submitted' },
    { seq: 1, at, actorId: 'system', actorName: null, relation: 'system', action: 'dispatch', from: 'submitted', to: 'dispatched' },
  ],
  availableActions: [],
  following: false,
  linkedTopics: [],
  ...over,
})

export const requestSummary = (over: Partial<RequestSummary> = {}): RequestSummary => ({
  _id: 'rq-1',
  category: 'property',
  status: 'dispatched',
  excerpt: '3号楼电梯停了两天',
  filedBy: 'resident',
  owner: { id: 'staff-zhou', name: '网格员周丽' },
  gridName: '康乐一网格',
  escalation: 'none',
  due: { stage: 'respond', dueAt: at + 24 * HOUR, urgency: 'onTime' },
  latest: { action: 'dispatch', at, to: 'dispatched' },
  contact: { phone: '138****1111', masked: true },
  followers: 0,
  createdAt: at,
  updatedAt: at,
  ...over,
})
