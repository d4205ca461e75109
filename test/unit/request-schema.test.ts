import { requestActions } from '../../types/request.actions'
import { Category } from '../../types/category.schema'
import { categoryGuidance, OutOfScope, outOfScopeGuidance, RequestText } from '../../types/request.schema'

const filing = { idempotencyKey: 'k-123456789', category: 'hazard', text: '消防通道被电瓶车堵了', photos: [], place: { householdId: 'hh-1' } }

test('every category has one line of guidance, short enough for a large-font screen', () => {
  expect(Object.keys(categoryGuidance).sort()).toEqual([...Category.options].sort())
  for (const line of Object.values(categoryGuidance)) expect([...line].length).toBeLessThanOrEqual(30)
})

test('emergencies point to 110 / 119 / 120 / 122 at once; every out-of-scope case names a number', () => {
  const urgent = OutOfScope.options.filter((s) => outOfScopeGuidance[s].urgent).map((s) => outOfScopeGuidance[s].phone)
  expect(urgent).toEqual(['110', '119', '120', '122'])
  for (const s of OutOfScope.options) expect(outOfScopeGuidance[s].guidance).toContain(outOfScopeGuidance[s].phone)
})

test('text: 2,000 characters counted as a resident counts them (an emoji is one)', () => {
  expect(RequestText.safeParse('好'.repeat(2000)).success).toBe(true)
  expect(RequestText.safeParse('好'.repeat(2001)).success).toBe(false)
  expect(RequestText.safeParse('😀'.repeat(2000)).success).toBe(true)
  expect(RequestText.safeParse('   ').success).toBe(false)
})

test.each<[string, unknown]>([
  ['ten photos', { ...filing, photos: Array.from({ length: 10 }, (_, i) => `cloud://p/${i}.jpg`) }],
  ['no idempotency key', { ...filing, idempotencyKey: undefined }],
  ['a key with spaces', { ...filing, idempotencyKey: 'k 123456789' }],
  ['an unknown category', { ...filing, category: 'fireworks' }],
  ['a place that is neither household nor point', { ...filing, place: { building: 'b' } }],
  ['a landline as contact phone', { ...filing, contactPhone: '021-12345678' }],
  ['a field the contract does not know', { ...filing, status: 'closed' }],
])('file refuses %s', (_name, input) => {
  expect(requestActions.file.input.safeParse(input).success).toBe(false)
})

test('file accepts a household filing and a point filing with a phone', () => {
  expect(requestActions.file.input.safeParse(filing).success).toBe(true)
  expect(requestActions.file.input.safeParse({ ...filing, place: { point: { lng: 121.44, lat: 31.19 } }, contactPhone: '13812345678' }).success).toBe(true)
})

test.each<[string, keyof typeof requestActions, unknown, boolean]>([
  ['rate with an outcome and satisfaction', 'rate', { requestId: 'r1', outcome: 'partly', satisfaction: 'basic' }, true],
  ['rate with a made-up outcome', 'rate', { requestId: 'r1', outcome: 'meh', satisfaction: 'basic' }, false],
  ['escalate to the street', 'escalate', { requestId: 'r1', level: 'street', coHandlerIds: [], note: '吹哨' }, true],
  ['escalate to "none"', 'escalate', { requestId: 'r1', level: 'none', coHandlerIds: [], note: '吹哨' }, false],
  ['refer to a known out-of-scope case', 'refer', { requestId: 'r1', scope: 'court' }, true],
  ['reject without a reason', 'review', { requestId: 'r1', decision: 'reject' }, false],
  ['a dashboard period that runs backwards', 'dashboard', { scope: { gridId: 'g1' }, period: { from: 10, to: 5 } }, false],
  ['a dashboard over a month', 'dashboard', { scope: { communityId: 'c1' }, period: { from: 0, to: 30 * 86_400_000 } }, true],
  ['an inbox page of 500', 'inbox', { limit: 500 }, false],
])('%s', (_name, action, input, ok) => {
  expect(requestActions[action].input.safeParse(input).success).toBe(ok)
})
