import type { LedgerLine, WallLine, WishContactView, WishDetail, WishListItem } from '@/types'
import { whoami } from './fixtures'
import { at, HOUR } from './request-fixtures'

export { at, HOUR }
export const DAY = 24 * HOUR

/** The end of 10 March 2025 in Beijing (00:00 on the 11th), as the server stores a wish needed by the 10th. */
export const endOf10March = Date.UTC(2025, 2, 10, 16, 0)

export const wishDetail = (over: Partial<WishDetail> = {}): WishDetail => ({
  _id: 'w-1',
  category: 'elderlyDisabled',
  status: 'inReview',
  summary: null,
  text: '腿脚不便，想请人帮忙买降压药',
  photos: [],
  neededBy: endOf10March,
  delivery: 'home',
  place: { householdId: 'hh-kl-1-101' },
  route: { communityId: 'comm-kangle', gridId: 'grid-kangle-1', branchId: 'branch-grid-kangle-1', rule: 'gridBranch' },
  returnReason: null,
  audience: 'branch',
  publishedAt: null,
  widenAt: null,
  claim: null,
  cancelRequest: null,
  fulfilment: null,
  confirmation: null,
  convertedTo: null,
  contact: null,
  timeline: [{ at, action: 'post', relation: 'wisher', to: 'inReview' }],
  relations: ['wisher'],
  availableActions: [],
  claimLockUntil: null,
  canReverseCredit: false,
  version: 1,
  createdAt: at,
  updatedAt: at,
  ...over,
})

export const wishItem = (over: Partial<WishListItem> = {}): WishListItem => ({
  _id: 'w-1',
  category: 'elderlyDisabled',
  status: 'published',
  summary: '独居老人需要有人帮忙买降压药',
  excerpt: '腿脚不便，想请人帮忙买降压药',
  neededBy: endOf10March,
  delivery: 'home',
  audience: 'branch',
  claimed: false,
  lockUntil: null,
  claimerName: null,
  cancelRequested: false,
  marked: false,
  createdAt: at,
  updatedAt: at,
  ...over,
})

// The same wish further on, for the stories that follow it from claim to the wall: 王秀英 of
// 康乐小区1号楼101室 (fixtures.household) is helped by 刘建华 of 康乐一网格党支部 (wishDetail().route).

/** 刘建华 as directory.whoami answers him: a verified party member of the wish's branch (wishDetail().route). */
export const branchMember = whoami({
  userId: 'openid-member',
  name: '刘建华',
  roles: ['resident', 'verifiedResident', 'partyMember'],
  party: { branchId: 'branch-grid-kangle-1', branchName: '康乐一网格党支部', status: 'verified' },
})

/** The wisher's contact as a member of the branch sees it before a claim: masked (wish-policy wisherContactView). */
export const maskedContact: WishContactView = { name: '王*', phone: '138****1111', masked: true }

/** The same contact for the member holding the claim of a 上门 wish: in full, with the address. */
export const claimerContact: WishContactView = { name: '王秀英', phone: '13800001111', address: '康乐社区 康乐小区 1号楼 101室', masked: false }

/** The live claim, made a day after posting, as the wisher reads it (the claimer's name masked); `mine` for the claimer. */
export const wishClaim = (over: Partial<NonNullable<WishDetail['claim']>> = {}): NonNullable<WishDetail['claim']> => ({
  at: at + DAY,
  lockUntil: at + 7 * DAY,
  mine: false,
  claimerName: '刘*',
  ...over,
})

/** A line of the wish wall: the realised wish, with only its category, public summary, branch and day. */
export const wallLine = (over: Partial<WallLine> = {}): WallLine => ({
  _id: 'w-1',
  category: 'elderlyDisabled',
  summary: '独居老人需要有人帮忙买降压药',
  branchName: '康乐一网格党支部',
  realisedAt: at + 3 * DAY,
  ...over,
})

/** The member's ledger line for it: +1 on the resident's confirmation (wish-ledger CONFIRMED_REASON). */
export const ledgerLine = (over: Partial<LedgerLine> = {}): LedgerLine => ({
  wishId: 'w-1',
  summary: '独居老人需要有人帮忙买降压药',
  amount: 1,
  reason: '微心愿已确认实现',
  at: at + 3 * DAY,
  ...over,
})
