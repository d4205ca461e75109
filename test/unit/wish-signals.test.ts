import { signalsBy, wishSignals, type SignalWish } from '../../cloudfunctions/shared/core/wish/wish-signals'

const HOUR = 3_600_000
const T0 = 1_741_000_000_000

const wish = (over: Partial<SignalWish> = {}): SignalWish => ({
  status: 'inReview', publishedAt: null, firstClaimedAt: null, confirmation: null, lapses: 0, audience: 'branch',
  route: { communityId: 'comm-1', gridId: 'grid-1', buildingId: null, branchId: 'br-1', partyGroupId: null, centreHouseholdId: null, locateRule: 'household', rule: 'gridBranch' },
  ...over,
})
const realised = (claimAfter: number, realiseAfter: number) => wish({
  status: 'realised', publishedAt: T0, firstClaimedAt: T0 + claimAfter * HOUR, lapses: 0,
  confirmation: { via: 'wisher', by: 'u', at: T0 + realiseAfter * HOUR },
})

describe('issue 7 Signals: "posted / claimed / realised …; median time to claim and to realise; lapses; unclaimed after widening"', () => {
  test('counts each stage a wish reached, whatever it came to after', () => {
    const signals = wishSignals([
      wish(), // still in review
      wish({ status: 'published', publishedAt: T0, audience: 'community' }), // widened, unclaimed
      wish({ status: 'published', publishedAt: T0, firstClaimedAt: T0 + HOUR, lapses: 2 }), // claimed twice, both lapsed
      realised(2, 30),
    ])
    expect(signals).toEqual({
      posted: 4, published: 3, claimed: 2, realised: 1, medianHoursToClaim: 1.5, medianHoursToRealise: 30, lapses: 2, unclaimedAfterWidening: 1,
    })
  })

  test('medians count from publishing, an odd count takes the middle one, none gives null', () => {
    expect(wishSignals([realised(1, 10), realised(5, 20), realised(100, 200)])).toMatchObject({ medianHoursToClaim: 5, medianHoursToRealise: 20 })
    expect(wishSignals([wish(), wish({ status: 'returned' })])).toMatchObject({ medianHoursToClaim: null, medianHoursToRealise: null })
  })

  test('every unit named appears, with zeros where nothing was posted; wishes of units not named are left out', () => {
    const byGrid = signalsBy([realised(1, 2), wish({ route: { ...wish().route, gridId: 'grid-elsewhere' } })], ['grid-1', 'grid-2'], (w) => w.route.gridId)
    expect([...byGrid.keys()]).toEqual(['grid-1', 'grid-2'])
    expect(byGrid.get('grid-1')).toMatchObject({ posted: 1, realised: 1 })
    expect(byGrid.get('grid-2')).toMatchObject({ posted: 0, realised: 0, medianHoursToClaim: null })
  })
})
