import {
  appendEntries, balances, creditsFor, ranking, reversalOf, type CreditedMember,
} from '../../cloudfunctions/shared/core/wish/wish-ledger'
import { applyWishTransition, newWish, type WishDraft } from '../../cloudfunctions/shared/core/wish/wish.machine'
import { CreditEntry, type Wish, type WishEvent } from '../../types/wish.schema'

const DAY = 86_400_000
const FEB = { from: Date.UTC(2025, 0, 31, 16), to: Date.UTC(2025, 1, 28, 16) } // 2月 in Beijing time
const MAR = { from: FEB.to, to: Date.UTC(2025, 2, 31, 16) }

const draft: WishDraft = {
  _id: 'wish-1', idempotencyKey: 'key-00000001', wisherId: 'u-wisher', place: { householdId: 'hh-1' }, streetId: 'street-1',
  route: { communityId: 'comm-1', gridId: 'grid-1', buildingId: 'bldg-1', branchId: 'br-1', partyGroupId: null, centreHouseholdId: null,
    locateRule: 'household', rule: 'gridBranch' },
  category: 'goods', text: '家里的台灯坏了', photos: [], neededBy: MAR.to, delivery: 'home', marks: [],
}
const fulfilled = (id: string, memberId: string, at: number): Wish => ({
  ...newWish({ ...draft, _id: id }, at - 3 * DAY).wish, status: 'fulfilled', version: 4,
  claim: { memberId, at: at - 2 * DAY, lockUntil: at + DAY, remindedAt: null },
  fulfilment: { memberId, note: '已修好', photos: [], at: at - DAY },
})
const confirmed = (wish: Wish, at: number): WishEvent => {
  const outcome = applyWishTransition(wish, 'confirm', { id: 'u-wisher', relations: ['wisher'] }, at, { thanks: '谢谢' })
  if (!outcome.ok) throw new Error(outcome.reason)
  return outcome.event
}

const dual: CreditedMember = { memberId: 'u-li', branchId: 'br-1', workplace: '市供电公司党委' }
const resident: CreditedMember = { memberId: 'u-wang', branchId: 'br-1' }
const midFeb = Date.UTC(2025, 1, 14, 4)

describe('credit for a confirmation', () => {
  const event = confirmed(fulfilled('wish-1', 'u-li', midFeb), midFeb)

  test('to the member, their branch and, for a 双报到 member, their workplace organisation; ids from the confirming event', () => {
    const entries = creditsFor(event, dual, 'comm-1')
    expect(entries.map((e) => e._id)).toEqual([
      'wish-1#5>member:u-li', 'wish-1#5>branch:br-1', 'wish-1#5>workplace:市供电公司党委',
    ])
    expect(entries.every((e) => CreditEntry.parse(e) && e.amount === 1 && e.eventId === event._id && e.at === midFeb)).toBe(true)
    expect(creditsFor(event, resident, 'comm-1').map((e) => e.to.kind)).toEqual(['member', 'branch'])
  })

  test('10 retried confirms credit once', () => {
    let ledger: CreditEntry[] = []
    for (let i = 0; i < 10; i++) ledger = appendEntries(ledger, creditsFor(event, dual, 'comm-1'))
    expect(ledger).toHaveLength(3)
    expect(Object.fromEntries(balances(ledger))).toEqual({ 'member:u-li': 1, 'branch:br-1': 1, 'workplace:市供电公司党委': 1 })
    // Even a ledger read with the same lines twice derives the same balances.
    expect(balances([...ledger, ...ledger])).toEqual(balances(ledger))
  })

  test('a confirm retried on the realised wish is refused by the machine, so it writes no second confirming event', () => {
    const realised = applyWishTransition(fulfilled('wish-1', 'u-li', midFeb), 'confirm', { id: 'u-wisher', relations: ['wisher'] }, midFeb, {})
    if (!realised.ok) throw new Error(realised.reason)
    expect(applyWishTransition(realised.wish, 'confirm', { id: 'u-wisher', relations: ['wisher'] }, midFeb + 1, {})).toMatchObject({ ok: false, reason: 'WRONG_STATUS' })
  })

  test('nothing is credited unconfirmed: a fulfilment, a claim or a lapse earns nothing', () => {
    const wish = fulfilled('wish-1', 'u-li', midFeb)
    const asked = applyWishTransition(wish, 'askToCheck', { id: 'system', relations: ['system'] }, midFeb + 7 * DAY, {})
    if (!asked.ok) throw new Error(asked.reason)
    expect(creditsFor(asked.event, dual, 'comm-1')).toEqual([])
    expect(creditsFor({ ...event, action: 'fulfil', to: 'fulfilled' }, dual, 'comm-1')).toEqual([])
  })
})

describe('reversal by a compensating entry only', () => {
  const [member] = creditsFor(confirmed(fulfilled('wish-1', 'u-li', midFeb), midFeb), dual, 'comm-1')
  const inMarch = Date.UTC(2025, 2, 10, 2)

  test('a reversal is a new line with the negative amount and its reason; the credited line is untouched', () => {
    const before = structuredClone(member)
    const reversal = reversalOf(member, '核查发现未实际完成', inMarch)
    expect(reversal).toEqual({ ok: true, entry: expect.objectContaining({ _id: `${member._id}~reversal`, amount: -1, reversalOf: member._id, reason: '核查发现未实际完成', at: inMarch }) })
    expect(member).toEqual(before)
    if (!reversal.ok) return
    expect(CreditEntry.parse(reversal.entry)).toEqual(reversal.entry)
    expect(balances([member, reversal.entry]).get('member:u-li')).toBe(0)
  })

  test('asked twice, it is written once; a reversal itself, or one without a reason, is refused', () => {
    const first = reversalOf(member, '核查发现未实际完成', inMarch)
    const again = reversalOf(member, '再次提交', inMarch + 1)
    if (!first.ok || !again.ok) throw new Error('refused')
    expect(appendEntries(appendEntries([member], [first.entry]), [again.entry])).toHaveLength(2)
    expect(reversalOf(first.entry, '撤销冲正', inMarch)).toMatchObject({ ok: false })
    expect(reversalOf(member, '  ', inMarch)).toMatchObject({ ok: false })
  })
})

describe('rankings by confirmed fulfilment in a period', () => {
  const credits = (id: string, who: CreditedMember, at: number) => creditsFor(confirmed(fulfilled(id, who.memberId, at), at), who, 'comm-1')
  const ledger = [
    ...credits('w-1', dual, midFeb),
    ...credits('w-2', dual, midFeb + DAY),
    ...credits('w-3', resident, midFeb + 2 * DAY),
    ...credits('w-4', { memberId: 'u-zhao', branchId: 'br-2' }, MAR.from + DAY),
  ]

  test('members and branches ranked by fulfilments confirmed in the period', () => {
    expect(ranking(ledger, FEB, 'member')).toEqual([{ account: 'member:u-li', fulfilments: 2 }, { account: 'member:u-wang', fulfilments: 1 }])
    expect(ranking(ledger, FEB, 'branch')).toEqual([{ account: 'branch:br-1', fulfilments: 3 }])
    expect(ranking(ledger, MAR, 'branch')).toEqual([{ account: 'branch:br-2', fulfilments: 1 }])
    expect(ranking(ledger, FEB, 'workplace')).toEqual([{ account: 'workplace:市供电公司党委', fulfilments: 2 }])
  })

  test('a closed period is unchanged by a later reversal and later confirmations', () => {
    const february = ranking(ledger, FEB, 'member')
    const feb1 = ledger.find((e) => e._id === 'w-1#5>member:u-li')
    if (!feb1) throw new Error('no entry')
    const reversal = reversalOf(feb1, '核查发现未实际完成', MAR.from + 2 * DAY)
    if (!reversal.ok) throw new Error(reversal.detail)
    const later = appendEntries(ledger, [reversal.entry, ...credits('w-5', resident, MAR.from + 3 * DAY)])
    expect(ranking(later, FEB, 'member')).toEqual(february)
    expect(ranking(later, MAR, 'member')).toEqual([{ account: 'member:u-wang', fulfilments: 1 }, { account: 'member:u-zhao', fulfilments: 1 }])
    expect(balances(later).get('member:u-li')).toBe(1)
  })
})
