import type { ActionInput, ActionName, WishDetail } from '../../types'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { DAY, documents, newKey, P } from '../support/requests'
import { seedHousehold } from '../../local/seed/demo-buildings'

/**
 * Issue 7 Rights: "a matrix of role × action × own / other". Each action is tried on a wish in the
 * status it belongs to, by everyone: those the design names succeed (each on a wish of their own
 * trial), everyone else is refused — NOT_FOUND where they may not know of the wish, FORBIDDEN where
 * they may — and the wish is left as it was.
 * 赵阿婆's wish (长桥新村3号302) belongs to 康乐三网格 and its branch.
 */
const WISHER = 'demo-resident-c'
const CLAIMER = P.partyMember // 刘建华, of 康乐三网格党支部
const callers = {
  wisher: WISHER,
  claimer: CLAIMER,
  branchMember: 'member-kangle-3', // 周国庆, same branch
  branchSecretary: 'demo-branch-secretary',
  otherBranchMember: 'member-kangle-1', // 康乐一网格党支部
  otherResident: P.residentA,
  newcomer: P.newcomer,
  gridWorker: P.workerKangleB, // 康乐三、四网格
  otherGridWorker: P.workerKangleA, // 康乐一、二网格
  committee: P.committeeKangle, // also of 康乐社区大党委
  otherCommittee: P.committeeCuihu,
  streetAdmin: P.streetAdmin,
} as const
type Caller = keyof typeof callers

type Stage = 'inReview' | 'published' | 'claimed' | 'cancelRequested' | 'fulfilled' | 'realised'
type WishAction = ActionName<'wishes'>
type Cell = { action: WishAction; stage: Stage; input: (wishId: string) => object; allowed: Caller[] }

const cells: Cell[] = [
  { action: 'review', stage: 'inReview', input: (wishId) => ({ wishId, decision: 'publish', summary: '老人需要帮忙' }), allowed: ['gridWorker', 'committee'] },
  { action: 'review', stage: 'inReview', input: (wishId) => ({ wishId, decision: 'return', reason: '请写清楚' }), allowed: ['gridWorker', 'committee'] },
  { action: 'convert', stage: 'inReview', input: (wishId) => ({ wishId, category: 'elderly' }), allowed: ['gridWorker', 'committee'] },
  { action: 'withdraw', stage: 'inReview', input: (wishId) => ({ wishId }), allowed: ['wisher'] },
  { action: 'withdraw', stage: 'published', input: (wishId) => ({ wishId }), allowed: ['wisher'] },
  // 陈志明 is a member of the branch as well as its secretary.
  { action: 'claim', stage: 'published', input: (wishId) => ({ wishId }), allowed: ['claimer', 'branchMember', 'branchSecretary'] },
  { action: 'release', stage: 'claimed', input: (wishId) => ({ wishId, reason: '临时有事' }), allowed: ['claimer'] },
  { action: 'revoke', stage: 'claimed', input: (wishId) => ({ wishId, reason: '换人认领' }), allowed: ['committee'] },
  { action: 'fulfil', stage: 'claimed', input: (wishId) => ({ wishId, note: '已办好', photos: [] }), allowed: ['claimer'] },
  { action: 'requestCancel', stage: 'claimed', input: (wishId) => ({ wishId, reason: '不需要了' }), allowed: ['wisher'] },
  { action: 'agreeCancel', stage: 'cancelRequested', input: (wishId) => ({ wishId }), allowed: ['claimer'] },
  { action: 'confirm', stage: 'fulfilled', input: (wishId) => ({ wishId, rating: 5 }), allowed: ['wisher'] },
  { action: 'confirmByVisit', stage: 'fulfilled', input: (wishId) => ({ wishId, via: 'call', note: '电话问过了' }), allowed: ['gridWorker'] },
  { action: 'revoke', stage: 'fulfilled', input: (wishId) => ({ wishId, reason: '核查没有办' }), allowed: ['committee'] },
  { action: 'reverseCredit', stage: 'realised', input: (wishId) => ({ wishId, reason: '核查不实' }), allowed: ['committee'] },
]

/** Who may know of a wish at each stage: its own people always; from publishing on, anyone sees its public line. */
const knows = (caller: Caller, stage: Stage) => stage !== 'inReview' || ['wisher', 'gridWorker', 'committee'].includes(caller)

let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
  // Many trials from one household: the committee lifts the cap for this file.
  expectOk(await cloud.call(P.committeeKangle, 'wishes', 'updateSettings', { communityId: 'comm-kangle', openPerHousehold: 10 }))
})
afterAll(() => cloud.close())

const form = (): ActionInput<'wishes', 'post'> => ({
  idempotencyKey: newKey(), category: 'life', text: '想请人帮忙换一下灯泡', photos: [], neededBy: cloud.clock.now() + 10 * DAY, delivery: 'home', place: { householdId: seedHousehold('bldg-cq-3', '302') },
})
const act = (who: string, action: WishAction, input: object) => cloud.callRaw(who, 'wishes', { action, input })

const made: string[] = []
/**
 * Each trial's wish is ended once the trial is over, through the functions as a person would end it,
 * so no cap (3 live claims a member, the household's open wishes) carries from one trial to the next.
 */
afterEach(async () => {
  for (const wishId of made.splice(0)) {
    const { availableActions, status } = expectOk(await cloud.call(P.committeeKangle, 'wishes', 'detail', { wishId }))
    if (availableActions.includes('revoke')) expectOk(await cloud.call(P.committeeKangle, 'wishes', 'revoke', { wishId, reason: '试验结束' }))
    if (['inReview', 'published', 'claimed', 'fulfilled'].includes(status)) expectOk(await cloud.call(WISHER, 'wishes', 'withdraw', { wishId }))
  }
})

/** A fresh wish brought to the stage through the functions themselves. */
async function wishAt(stage: Stage): Promise<WishDetail> {
  let wish = expectOk(await cloud.call(WISHER, 'wishes', 'post', form()))
  made.push(wish._id)
  const step = async (who: string, action: WishAction, input: object) => {
    const answer = await act(who, action, { wishId: wish._id, ...input })
    if (!answer.ok) throw new Error(`${action}: ${answer.code} ${answer.message}`)
    wish = answer.data as WishDetail
  }
  if (stage === 'inReview') return wish
  await step(P.committeeKangle, 'review', { decision: 'publish', summary: '需要有人帮忙换灯泡' })
  if (stage === 'published') return wish
  await step(CLAIMER, 'claim', {})
  if (stage === 'cancelRequested') await step(WISHER, 'requestCancel', { reason: '孩子回来换了' })
  if (stage === 'claimed' || stage === 'cancelRequested') return wish
  await step(CLAIMER, 'fulfil', { note: '灯泡换好了', photos: [] })
  if (stage === 'fulfilled') return wish
  await step(WISHER, 'confirm', {})
  return wish
}

const versionOf = async (wishId: string) => (await documents<{ version: number }>(Collections.wishes, { _id: wishId }))[0].version

describe.each(cells.map((c) => [`${c.action} (${c.stage})`, c] as const))('%s', (_name, cell) => {
  const refused = (Object.keys(callers) as Caller[]).filter((c) => !cell.allowed.includes(c))

  test(`refused to ${refused.join(', ')}, with nothing changed`, async () => {
    const wish = await wishAt(cell.stage)
    const version = await versionOf(wish._id)
    // A claim's slot may be taken before the rights check (claim.use-cases preloadClaim): a refusal gives it back.
    const slots = await documents(Collections.claimSlots, { itemId: wish._id })
    const answers: Record<string, string> = {}
    for (const caller of refused) {
      const answer = await act(callers[caller], cell.action, cell.input(wish._id))
      answers[caller] = answer.ok ? 'ok' : answer.code
    }
    expect(answers).toEqual(Object.fromEntries(refused.map((c) => [c, knows(c, cell.stage) ? 'FORBIDDEN' : 'NOT_FOUND'])))
    expect(await versionOf(wish._id)).toBe(version)
    expect(await documents(Collections.claimSlots, { itemId: wish._id })).toEqual(slots)
  })

  test.each(cell.allowed)('allowed to %s', async (caller) => {
    const wish = await wishAt(cell.stage)
    const answer = await act(callers[caller], cell.action, cell.input(wish._id))
    expect(answer).toMatchObject({ ok: true })
  })
})

describe('lists and views, by who asks', () => {
  test('the review queues are staff\'s; the member lists a verified member\'s; the branch view the secretary\'s and the committee\'s', async () => {
    const outcome = async (who: string, action: WishAction, input: object) => {
      const answer = await act(who, action, input)
      return answer.ok ? 'ok' : answer.code
    }
    const table = async (action: WishAction, input: object) =>
      Object.fromEntries(await Promise.all((Object.keys(callers) as Caller[]).map(async (c) => [c, await outcome(callers[c], action, input)] as const)))
    expect(await table('listForReview', { queue: 'review' })).toEqual({
      wisher: 'FORBIDDEN', claimer: 'FORBIDDEN', branchMember: 'FORBIDDEN', branchSecretary: 'FORBIDDEN', otherBranchMember: 'FORBIDDEN', otherResident: 'FORBIDDEN',
      newcomer: 'FORBIDDEN', gridWorker: 'ok', otherGridWorker: 'ok', committee: 'ok', otherCommittee: 'ok', streetAdmin: 'FORBIDDEN',
    })
    expect(await table('listForMe', {})).toEqual({
      wisher: 'FORBIDDEN', claimer: 'ok', branchMember: 'ok', branchSecretary: 'ok', otherBranchMember: 'ok', otherResident: 'FORBIDDEN',
      // The street's 大工委 is no community's 大党委: its members claim through a branch of their own.
      newcomer: 'FORBIDDEN', gridWorker: 'FORBIDDEN', otherGridWorker: 'FORBIDDEN', committee: 'ok', otherCommittee: 'ok', streetAdmin: 'FORBIDDEN',
    })
    expect(await table('branchOverview', { branchId: 'br-grid-kangle-3' })).toEqual({
      wisher: 'FORBIDDEN', claimer: 'FORBIDDEN', branchMember: 'FORBIDDEN', branchSecretary: 'ok', otherBranchMember: 'FORBIDDEN', otherResident: 'FORBIDDEN',
      newcomer: 'FORBIDDEN', gridWorker: 'FORBIDDEN', otherGridWorker: 'FORBIDDEN', committee: 'ok', otherCommittee: 'FORBIDDEN', streetAdmin: 'ok',
    })
  })

  test('a grid worker sees the queue of their own grids only; a committee its own community only', async () => {
    const wish = await wishAt('inReview')
    const queue = async (who: string) => expectOk(await cloud.call(who, 'wishes', 'listForReview', { queue: 'review', limit: 50 })).items.map((w) => w._id)
    expect(await queue(P.workerKangleB)).toContain(wish._id)
    expect(await queue(P.committeeKangle)).toContain(wish._id)
    expect(await queue(P.workerKangleA)).not.toContain(wish._id)
    expect(await queue(P.committeeCuihu)).not.toContain(wish._id)
  })
})
