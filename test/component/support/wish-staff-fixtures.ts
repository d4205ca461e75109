import type { ServiceRecord, WishListItem, WishSignals } from '@/types'
import { at, HOUR } from './request-fixtures'
import { wishItem as residentWishItem } from './wish-fixtures'

// Shared by the staff-side 微心愿 tests (review queues, branch view, workbench, dashboard).

/** A line of a reviewer's queue: a wish still in review, its public summary not written yet. */
export const wishItem = (over: Partial<WishListItem> = {}): WishListItem =>
  residentWishItem({ _id: 'wish-1', status: 'inReview', summary: null, excerpt: '腿脚不便，想请人帮忙去药店买降压药', neededBy: at + 72 * HOUR, ...over })

export const memberRecord = (over: Partial<ServiceRecord> = {}): ServiceRecord => ({
  memberId: 'member-1', name: '刘建华', realised: 3, lapses: 0, liveClaims: 1, ...over,
})

export const signals = (over: Partial<WishSignals> = {}): WishSignals => ({
  posted: 0, published: 0, claimed: 0, realised: 0, medianHoursToClaim: null, medianHoursToRealise: null, lapses: 0, unclaimedAfterWidening: 0, ...over,
})
