import { applyWishTransition, newWish, WISH_SYSTEM, type WishDraft } from '../../cloudfunctions/shared/core/wish/wish.machine'
import { endedClaimerOf, wishNoticesFor } from '../../cloudfunctions/shared/core/wish/wish-notices'
import type { Wish, WishAction, WishRelation } from '../../types/wish.schema'

const DAY = 86_400_000
const T0 = 1_741_000_000_000
const draft: WishDraft = {
  _id: 'wish-1', idempotencyKey: 'key-00000001', wisherId: 'u-wisher', place: { householdId: 'hh-1' }, streetId: 'street-1',
  route: { communityId: 'comm-1', gridId: 'grid-1', buildingId: 'bldg-1', branchId: 'br-1', partyGroupId: null, centreHouseholdId: null, locateRule: 'household', rule: 'gridBranch' },
  category: 'health', text: '想请人陪我去医院复查', photos: [], neededBy: T0 + 20 * DAY, delivery: 'home', marks: [],
}

/** The notices of each step along one wish's life, run through the machine itself. */
function along(path: [WishAction, string, WishRelation, object][]): Record<string, string[]> {
  let wish: Wish = newWish(draft, T0).wish
  const heard: Record<string, string[]> = { post: wishNoticesFor(newWish(draft, T0).event, wish).map((n) => `${n.audience}:${n.kind}`) }
  let at = T0
  for (const [action, id, relation, payload] of path) {
    at += DAY
    const relations = id === 'system' ? WISH_SYSTEM.relations : wish.claim?.memberId === id ? ['claimer' as const, relation] : [relation]
    const outcome = applyWishTransition(wish, action, { id, relations }, at, payload as never)
    if (!outcome.ok) throw new Error(`${action}: ${outcome.reason} ${outcome.detail}`)
    wish = outcome.wish
    heard[action] = wishNoticesFor(outcome.event, wish).map((n) => `${n.audience}:${n.kind}`)
  }
  return heard
}

test('issue 7 Notifications: "published → branch members; claimed → resident; 24 h before lapse → claimer; lapsed → resident and secretary; fulfilled → resident; confirmed → claimer"', () => {
  const heard = along([
    ['publish', 'u-committee', 'committee', { summary: '老人需要有人陪着去医院', widenAt: T0 + 4 * DAY }],
    ['claim', 'u-a', 'branchMember', { lockUntil: T0 + 4 * DAY, liveClaims: 0 }],
    ['remindLapse', 'system', 'system', {}],
    ['lapse', 'system', 'system', {}],
    ['claim', 'u-b', 'branchMember', { lockUntil: T0 + 10 * DAY, liveClaims: 0 }],
    ['fulfil', 'u-b', 'branchMember', { note: '陪着复查完了', photos: [] }],
    ['confirm', 'u-wisher', 'wisher', { thanks: '谢谢' }],
  ])
  expect(heard).toEqual({
    post: ['reviewers:review'],
    publish: ['wisher:accepted', 'branchMembers:newWork'],
    claim: ['wisher:progress'],
    remindLapse: ['claimer:alert'],
    lapse: ['wisher:progress', 'branchSecretary:alert', 'endedClaimer:alert'],
    fulfil: ['wisher:replied'],
    confirm: ['claimer:progress'],
  })
})

test('widening tells the branch secretary; a revoke tells the member whose claim it ended, by the event', () => {
  const heard = along([
    ['publish', 'u-committee', 'committee', { summary: '老人需要有人陪着去医院', widenAt: T0 + 2 * DAY }],
    ['widen', 'system', 'system', {}],
    ['claim', 'u-a', 'widenedMember', { lockUntil: T0 + 10 * DAY, liveClaims: 0 }],
    ['revoke', 'u-committee', 'committee', { reason: '换人' }],
  ])
  expect(heard.widen).toEqual(['branchSecretary:alert'])
  expect(heard.revoke).toEqual(['endedClaimer:alert', 'wisher:progress'])
  expect(endedClaimerOf({ details: { memberId: 'u-a' } })).toBe('u-a')
  expect(endedClaimerOf({ details: {} })).toBeNull()
})

test('issue 9: a grid worker who confirms a wish by a visit tells the wisher too, not only the claimer', () => {
  const heard = along([
    ['publish', 'u-committee', 'committee', { summary: '老人需要有人陪着去医院', widenAt: T0 + 4 * DAY }],
    ['claim', 'u-a', 'branchMember', { lockUntil: T0 + 10 * DAY, liveClaims: 0 }],
    ['fulfil', 'u-a', 'branchMember', { note: '陪着复查完了', photos: [] }],
    ['confirmByVisit', 'u-worker', 'gridWorker', { via: 'visit', note: '上门看过' }],
  ])
  expect(heard.confirmByVisit).toEqual(['claimer:progress', 'wisher:progress'])
})
