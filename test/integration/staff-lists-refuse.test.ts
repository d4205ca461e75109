import type { ActionInput, ActionName, FunctionName } from '../../types'
import { startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { P } from '../support/requests'

/**
 * Issue 9 (rights in the UI): a staff list asked for by someone with no right to it answers
 * FORBIDDEN, never an empty OK list — the workbench and the staff pages decide what to show from
 * that answer, and an empty list would offer a resident a queue that can never hold anything.
 */
let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

const PERIOD = { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1) }
type Call = { [F in FunctionName]: { [A in ActionName<F>]: [F, A, ActionInput<F, A>] }[ActionName<F>] }[FunctionName]
const staffLists: [string, Call][] = [
  ['requests.inbox (open work)', ['requests', 'inbox', { limit: 20 }]],
  ['requests.inbox 待受理', ['requests', 'inbox', { state: 'toAccept', limit: 20 }]],
  ['requests.inbox 已超时', ['requests', 'inbox', { urgency: 'overdue', limit: 20 }]],
  ['requests.inboxCounts', ['requests', 'inboxCounts', {}]],
  ['wishes.listForReview 核实', ['wishes', 'listForReview', { queue: 'review', limit: 20 }]],
  ['wishes.listForReview 待确认', ['wishes', 'listForReview', { queue: 'confirm', limit: 20 }]],
  ['wishes.listForReview 进行中', ['wishes', 'listForReview', { queue: 'open', limit: 20 }]],
  ['wishes.branchOverview', ['wishes', 'branchOverview', {}]],
  ['council.listProposals 待决定', ['council', 'listProposals', { view: 'toDecide', limit: 20 }]],
  ['council.listAssistedBallots', ['council', 'listAssistedBallots', { status: 'pending' }]],
  ['council.monthlyClusters', ['council', 'monthlyClusters', { communityId: 'comm-kangle', period: PERIOD }]],
  ['directory.listBindingRequests', ['directory', 'listBindingRequests', { status: 'pending' }]],
  ['directory.listPartyRegistrations', ['directory', 'listPartyRegistrations', { status: 'pending' }]],
]
const noRight: [string, string][] = [
  ['新居民（未绑定）', P.newcomer],
  ['认证居民', P.residentA],
  ['在职党员', P.partyMember],
]

describe.each(noRight)('%s', (_persona, openid) => {
  test.each(staffLists)('%s answers FORBIDDEN', async (_label, [fn, action, input]) => {
    const answer = await cloud.call(openid, fn, action as never, input as never)
    expect(answer).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

test('a branch secretary handles no requests: the inbox and its counts refuse her', async () => {
  expect(await cloud.call('demo-branch-secretary', 'requests', 'inbox', { limit: 20 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await cloud.call('demo-branch-secretary', 'requests', 'inboxCounts', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

test('a property contact named by the directory has an inbox, though he holds no staff role', async () => {
  expect(await cloud.call(P.propertyCuihu, 'requests', 'inbox', { limit: 20 })).toMatchObject({ ok: true })
})
