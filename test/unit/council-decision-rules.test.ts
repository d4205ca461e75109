import { art278Approval, art278Participation, decide, quorumMet, validBallot, type Tally } from '../../cloudfunctions/shared/core/council/decision-rules'
import { proofText, tallyOf, type CountedBallot } from '../../cloudfunctions/shared/core/council/ballot-proof'
import type { OwnerFigures, TopicOptions } from '../../types/council.schema'

const yesNo: TopicOptions = { kind: 'yesNo' }
const fourChoices: TopicOptions = { kind: 'choices', choices: ['装电梯', '修屋顶', '加车位', '种树'], maxPicks: 2 }
const tally = (eligibleUnits: number, counts: Tally['counts'], votedUnits?: number): Tally => ({
  eligibleUnits, votedUnits: votedUnits ?? Object.values(counts).reduce<number>((a, b) => a + (b ?? 0), 0), counts,
})

describe('quorum: "% of eligible units"', () => {
  test.each([
    [100, 30, 30, true], // exactly the share
    [100, 29, 30, false],
    [7, 3, 40, true], // 3 of 7 is 42.9 %
    [7, 2, 40, false],
    [0, 0, 0, false], // an empty electorate never meets it
    [10, 0, 0, true], // a quorum of 0 % is met by nobody voting, as set
  ])('%i eligible, %i voted, quorum %i %% → %s', (eligibleUnits, votedUnits, percent, met) => {
    expect(quorumMet({ eligibleUnits, votedUnits }, percent)).toBe(met)
  })
})

describe('simple majority and two thirds of the votes cast', () => {
  test.each([
    ['more yes than no', { yes: 5, no: 4 }, 'decided'],
    ['a tie is not a majority', { yes: 5, no: 5 }, 'notDecided'],
    ['abstentions count for turnout, not against', { yes: 3, no: 2, abstain: 10 }, 'decided'],
    ['only abstentions decide nothing', { abstain: 10 }, 'notDecided'],
  ] as const)('majority: %s', (_name, counts, verdict) => {
    expect(decide(yesNo, 'majority', 50, tally(18, counts)).verdict).toBe(verdict)
  })

  test.each([
    ['exactly two thirds (以上 includes it, 民法典 第1259条)', { yes: 6, no: 3 }, 'decided'],
    ['just under two thirds', { yes: 5, no: 3 }, 'notDecided'],
    ['unanimous', { yes: 4 }, 'decided'],
  ] as const)('two thirds: %s', (_name, counts, verdict) => {
    expect(decide(yesNo, 'twoThirds', 0, tally(20, counts)).verdict).toBe(verdict)
  })

  test('below quorum nothing is decided, however the votes went', () => {
    expect(decide(yesNo, 'majority', 50, tally(20, { yes: 9 }))).toEqual({ quorumMet: false, verdict: 'noQuorum', adopted: [] })
  })

  test('choices: adopted when more than half the ballots picked them, most-picked first, at most maxPicks', () => {
    // 10 ballots of at most 2 picks each.
    const counts = { c0: 8, c1: 6, c2: 6, c3: 1 }
    expect(decide(fourChoices, 'majority', 50, tally(12, counts, 10))).toEqual({ quorumMet: true, verdict: 'decided', adopted: ['c0', 'c1'] })
    expect(decide(fourChoices, 'twoThirds', 50, tally(12, counts, 10))).toEqual({ quorumMet: true, verdict: 'decided', adopted: ['c0'] })
    expect(decide(fourChoices, 'majority', 50, tally(12, { c0: 5, c1: 5 }, 10)).verdict).toBe('notDecided')
  })
})

describe('民法典 art. 278: participation by two thirds of the area and of the owners, approval by the participating', () => {
  const owners = (over: Partial<OwnerFigures>): OwnerFigures => ({
    eligibleOwners: 90, eligibleArea: 9000, votedOwners: 60, votedArea: 6000, yesOwners: 31, yesArea: 3000.01, ...over,
  })

  test.each([
    ['exactly two thirds of area and owners take part', owners({}), true],
    ['one owner short', owners({ votedOwners: 59 }), false],
    ['a hundredth of a square metre short of the area', owners({ votedArea: 5999.99 }), false],
    ['two thirds of owners but too little area (the big flats stayed away)', owners({ votedArea: 4000 }), false],
    ['an empty building', owners({ eligibleOwners: 0, eligibleArea: 0, votedOwners: 0, votedArea: 0 }), false],
  ])('participation: %s', (_name, figures, met) => {
    expect(art278Participation(figures)).toBe(met)
  })

  test.each([
    ['more than half of both', owners({}), false, true],
    ['exactly half the owners is not 过半数', owners({ yesOwners: 30 }), false, false],
    ['exactly half the area is not 过半数', owners({ yesArea: 3000 }), false, false],
    ['the owners agree but not the area', owners({ yesOwners: 50, yesArea: 2000 }), false, false],
    ['special matters: exactly three quarters of both', owners({ yesOwners: 45, yesArea: 4500 }), true, true],
    ['special matters: three quarters of owners, a hair under of area', owners({ yesOwners: 45, yesArea: 4499.99 }), true, false],
    ['special matters: an ordinary majority is not enough', owners({}), true, false],
  ])('approval: %s', (_name, figures, special, approved) => {
    expect(art278Approval(figures, special)).toBe(approved)
  })

  test('the verdict: no quorum below participation, decided or not above it; the topic\'s own quorum does not apply', () => {
    const base = { eligibleUnits: 90, votedUnits: 60, counts: { yes: 31, no: 29 } }
    expect(decide(yesNo, 'art278', 100, { ...base, owners: owners({}) })).toEqual({ quorumMet: true, verdict: 'decided', adopted: ['yes'] })
    expect(decide(yesNo, 'art278Special', 0, { ...base, owners: owners({}) })).toEqual({ quorumMet: true, verdict: 'notDecided', adopted: [] })
    expect(decide(yesNo, 'art278', 0, { ...base, owners: owners({ votedOwners: 59 }) })).toEqual({ quorumMet: false, verdict: 'noQuorum', adopted: [] })
    expect(() => decide(fourChoices, 'art278', 0, { ...base, owners: owners({}) })).toThrow()
  })
})

describe('a ballot', () => {
  test.each([
    [yesNo, ['yes'], true],
    [yesNo, ['abstain'], true],
    [yesNo, ['yes', 'no'], false],
    [yesNo, ['c0'], false],
    [yesNo, [], false],
    [fourChoices, ['c0', 'c3'], true],
    [fourChoices, ['c0', 'c1', 'c2'], false], // more than maxPicks
    [fourChoices, ['c1', 'c1'], false],
    [fourChoices, ['c4'], false],
  ] as const)('%j picks %j: %s', (options, picked, valid) => {
    expect(validBallot(options, picked)).toBe(valid)
  })
})

describe('the proof: "a SHA-256 over the sorted list of (unit hash, option)"', () => {
  const ballots: CountedBallot[] = [
    { unitHash: 'b2', options: ['c1', 'c0'], area: 60.5 },
    { unitHash: 'a9', options: ['c3'], area: 80 },
    { unitHash: 'c4', options: ['c0'], area: 55.25 },
  ]

  test('one line a ballot, its options sorted, the lines sorted: the same text in any order of casting', () => {
    expect(proofText(ballots)).toBe('a9 c3\nb2 c0,c1\nc4 c0')
    expect(proofText([...ballots].reverse())).toBe(proofText(ballots))
  })

  test('the ballots add up to the tally the close stores, with the owners\' figures for art. 278', () => {
    expect(tallyOf(ballots, { units: 5 })).toEqual({ eligibleUnits: 5, votedUnits: 3, counts: { c0: 2, c1: 1, c3: 1 } })
    const yes: CountedBallot[] = [{ unitHash: 'x', options: ['yes'], area: 60.5 }, { unitHash: 'y', options: ['no'], area: 80 }]
    expect(tallyOf(yes, { units: 3, ownerArea: 200 }).owners).toEqual({ eligibleOwners: 3, eligibleArea: 200, votedOwners: 2, votedArea: 140.5, yesOwners: 1, yesArea: 60.5 })
  })
})
