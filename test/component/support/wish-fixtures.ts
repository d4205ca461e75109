import type { WishDetail, WishListItem } from '@/types'
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
