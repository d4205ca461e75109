import type { Actor } from '../../cloudfunctions/shared/core/actor'
import { applyWishTransition, newWish, WISH_SYSTEM, type WishDraft } from '../../cloudfunctions/shared/core/wish/wish.machine'
import { maskName } from '../../cloudfunctions/shared/core/mask'
import {
  nearness, NO_MEMBERSHIP, publicLine, reviewerContactView, wishActor, wishRelationsTo, wishVisibility, wisherContactView, type MemberFacts, type WisherContact,
} from '../../cloudfunctions/shared/core/wish/wish-policy'
import { WishRelation, WishStatus, type Wish, type WishAction } from '../../types/wish.schema'

const DAY = 86_400_000
const T0 = 1_741_000_000_000

const draft: WishDraft = {
  _id: 'wish-1', idempotencyKey: 'key-00000001', wisherId: 'u-wisher', place: { householdId: 'hh-bldg-1-1202' }, streetId: 'street-1',
  route: { communityId: 'comm-1', gridId: 'grid-1', buildingId: 'bldg-1', branchId: 'br-1', partyGroupId: null, centreHouseholdId: null,
    locateRule: 'household', rule: 'gridBranch' },
  category: 'elderlyDisabled', text: '想请人陪我去医院复查', photos: [], neededBy: T0 + 10 * DAY, delivery: 'home', marks: [],
}
const posted = newWish(draft, T0 - DAY).wish
const claim = { memberId: 'u-claimer', at: T0, lockUntil: T0 + 7 * DAY, remindedAt: null }
const wishIn = (status: WishStatus, over: Partial<Wish> = {}): Wish => ({
  ...posted, status, summary: '老人需要陪同就医', publishedAt: T0 - DAY, widenAt: T0 + 2 * DAY,
  claim: ['claimed', 'fulfilled', 'realised'].includes(status) ? claim : null, ...over,
})

const person = (userId: string, scopes: Partial<Pick<Actor, 'gridIds' | 'communityIds' | 'branchIds'>> = {}): Actor =>
  ({ userId, user: null, roles: ['resident'], gridIds: [], communityIds: [], streetIds: [], branchIds: [], ...scopes })
const ofBranch: MemberFacts = { verifiedBranchIds: ['br-1', 'br-comm-1'], partyCommunityIds: ['comm-1'] }
const ofOtherBranch: MemberFacts = { verifiedBranchIds: ['br-2', 'br-comm-1'], partyCommunityIds: ['comm-1'] }

describe('relations of a caller to a wish', () => {
  test.each<[string, Actor, MemberFacts, WishRelation[]]>([
    ['the resident who posted it', person('u-wisher'), NO_MEMBERSHIP, ['wisher']],
    ['the member holding the claim', person('u-claimer'), ofBranch, ['claimer', 'branchMember']],
    ['a verified member of the matching branch', person('u-m'), ofBranch, ['branchMember']],
    ['a member of another branch of the same 大党委', person('u-m'), ofOtherBranch, ['widenedMember']],
    ['a member in another community', person('u-m'), { verifiedBranchIds: ['br-9'], partyCommunityIds: ['comm-9'] }, ['other']],
    ['committee staff of the community', person('u-c', { communityIds: ['comm-1'] }), NO_MEMBERSHIP, ['committee']],
    ['committee staff of another community', person('u-c', { communityIds: ['comm-2'] }), NO_MEMBERSHIP, ['other']],
    ['the grid worker of the grid', person('u-g', { gridIds: ['grid-1'] }), NO_MEMBERSHIP, ['gridWorker']],
    ['the branch secretary, a member too', person('u-s', { branchIds: ['br-1'] }), ofBranch, ['branchMember', 'branchSecretary']],
    ['a resident of the community', person('u-r'), NO_MEMBERSHIP, ['other']],
  ])('%s', (_name, actor, facts, relations) => {
    expect(wishRelationsTo(actor, wishIn('claimed'), facts)).toEqual(relations)
  })

  // issue 7 Rights: "a resident can't claim"; "a member of another branch can't claim before the wish widens".
  test('through the machine: a resident and a member of another branch before widening are refused, after widening the member claims', () => {
    const claimAs = (actor: Actor, facts: MemberFacts, wish: Wish) =>
      applyWishTransition(wish, 'claim', wishActor(actor, wish, facts), T0, { lockUntil: T0 + 7 * DAY, liveClaims: 0 })
    const narrow = wishIn('published')
    expect(claimAs(person('u-r'), NO_MEMBERSHIP, narrow)).toMatchObject({ ok: false, reason: 'FORBIDDEN' })
    expect(claimAs(person('u-m'), ofOtherBranch, narrow)).toMatchObject({ ok: false, reason: 'FORBIDDEN' })
    expect(claimAs(person('u-m'), ofOtherBranch, { ...narrow, audience: 'community' })).toMatchObject({ ok: true, event: { relation: 'widenedMember' } })
    expect(claimAs(person('u-wisher'), ofBranch, narrow)).toMatchObject({ ok: false, reason: 'FORBIDDEN' })
  })
})

describe('what each relation sees of the wish', () => {
  const fullAlways: readonly WishRelation[] = ['wisher', 'committee', 'gridWorker', 'claimer']
  const members: readonly WishRelation[] = ['branchMember', 'branchSecretary']
  const wall: readonly WishStatus[] = ['published', 'claimed', 'fulfilled', 'realised']
  /** issue 7 Published: the branch first, the 大党委 after widening, "everyone else sees only a masked public line". */
  const expected = (status: WishStatus, audience: Wish['audience'], relation: WishRelation) =>
    fullAlways.includes(relation) ? 'full'
      : !wall.includes(status) ? 'none'
      : members.includes(relation) || (relation === 'widenedMember' && audience === 'community') ? 'full'
      : 'publicLine'

  test.each(WishStatus.options.flatMap((status) => (['branch', 'community'] as const).map((audience) => [status, audience] as const)))(
    '%s, audience %s', (status, audience) => {
      const got = WishRelation.options.map((r) => [r, wishVisibility({ status, audience }, [r])])
      expect(got).toEqual(WishRelation.options.map((r) => [r, expected(status, audience, r)]))
    })

  test('the public line names no one and no place', () => {
    const line = publicLine({ ...wishIn('realised'), confirmation: { via: 'wisher', by: 'u-wisher', at: T0 + DAY } }, 'br-1')
    expect(line).toEqual({ _id: 'wish-1', category: 'elderlyDisabled', summary: '老人需要陪同就医', status: 'realised', at: T0 + DAY, helpedByBranchId: 'br-1' })
    expect(publicLine(wishIn('published'), 'br-1')).not.toHaveProperty('helpedByBranchId')
  })
})

describe('the wisher\'s contact', () => {
  const contact: WisherContact = { name: '王秀英', phone: '13812345678', address: '3号楼1202' }
  const masked = { name: '王*', phone: '138****5678', masked: true, logRead: false }
  const deliveries = ['home', 'station'] as const

  /** issue 7 Contact, as the cells expect it: the resident their own; the current claimer in full (logged); everyone else masked. */
  const expected = (status: WishStatus, delivery: 'home' | 'station', relation: WishRelation) => {
    if (relation === 'wisher') return { ...contact, masked: false, logRead: false }
    if (relation === 'claimer' && (status === 'claimed' || status === 'fulfilled')) {
      const { address, ...rest } = contact
      return { ...rest, ...(delivery === 'home' && { address }), masked: false, logRead: true }
    }
    return masked
  }

  test.each(WishStatus.options.flatMap((s) => deliveries.map((d) => [s, d] as const)))('%s, delivery %s', (status, delivery) => {
    const got = WishRelation.options.map((r) => [r, wisherContactView(contact, { status, delivery }, [r])])
    expect(got).toEqual(WishRelation.options.map((r) => [r, expected(status, delivery, r)]))
  })

  test('a claimer who is also staff or a branch member still reads it in full, and it is logged', () => {
    expect(wisherContactView(contact, { status: 'claimed', delivery: 'home' }, ['claimer', 'branchMember', 'committee'])).toMatchObject({ masked: false, logRead: true })
  })

  test.each<[string, WishAction, unknown]>([
    ['release', 'release', { reason: '临时出差' }],
    ['revoke', 'revoke', { reason: '多日没有进展' }],
    ['lapse', 'lapse', {}],
  ])('after %s it is masked again for that member', (_name, action, payload) => {
    const claimer = person('u-claimer')
    const claimed = wishIn('claimed', { claim: { ...claim, lockUntil: T0 } })
    expect(wisherContactView(contact, claimed, wishRelationsTo(claimer, claimed, ofBranch))).toMatchObject({ masked: false })
    const actor = action === 'lapse' ? WISH_SYSTEM : action === 'revoke' ? wishActor(person('u-c', { communityIds: ['comm-1'] }), claimed, NO_MEMBERSHIP) : wishActor(claimer, claimed, ofBranch)
    const outcome = applyWishTransition(claimed, action, actor, T0, payload as never)
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(wisherContactView(contact, outcome.wish, wishRelationsTo(claimer, outcome.wish, ofBranch))).toEqual(masked)
  })

  test('a masked view leaves nothing to recover: no address at all, one star for any name length', () => {
    const view = wisherContactView(contact, { status: 'published', delivery: 'home' }, ['branchMember'])
    expect(view).not.toHaveProperty('address')
    expect(JSON.stringify(view)).not.toMatch(/1202|秀英/)
    expect(['王五', '王秀英', '欧阳娜娜'].map(maskName)).toEqual(['王*', '王*', '欧*'])
  })
})

describe('nearness, never a distance (issue 7: "a masked value must not be recoverable … a place from distances")', () => {
  const route = { buildingId: 'bldg-1', gridId: 'grid-1' }
  test.each([
    [{ buildingId: 'bldg-1', gridId: 'grid-1' }, 'building'],
    [{ buildingId: 'bldg-2', gridId: 'grid-1' }, 'grid'],
    [{ buildingId: 'bldg-9', gridId: 'grid-9' }, 'community'],
    [null, 'community'],
  ] as const)('a member at home in %j reads %s', (home, near) => {
    expect(nearness(home, route)).toBe(near)
  })
})

test('the reviewers, and only they, may look at the full contact on purpose: every look logged', () => {
  const contact = { name: '王秀英', phone: '13800001111', address: '康乐小区1号楼101室' }
  expect(reviewerContactView(contact, ['committee'])).toEqual({ ...contact, masked: false, logRead: true })
  expect(reviewerContactView(contact, ['gridWorker'])).toEqual({ ...contact, masked: false, logRead: true })
  for (const relation of ['claimer', 'branchMember', 'branchSecretary', 'widenedMember', 'other'] as const) expect(reviewerContactView(contact, [relation])).toBeNull()
})
