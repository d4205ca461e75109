import { render, screen } from '@testing-library/react'
import CouncilProposalPage from '@/pages-council/proposal/index'
import ProposePage from '@/pages-council/propose/index'
import { failure, success } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { tap, typeInto } from './support/fields'
import { household, whoami } from './support/fixtures'
import { at, DAY, proposalView } from './support/council-fixtures'
import { navigations, routerParams, shareCard } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const verified = whoami({ roles: ['resident', 'verifiedResident'], household })
const proposed = proposalView({ signatures: 1, threshold: 10, mine: true, signedByMe: true, canSign: false, availableActions: ['withdraw'], expiresAt: at + 14 * DAY })

describe('proposing, and a proposal’s page', () => {
  test('a verified resident proposes for their own building; the answer says how many co-signers it needs and by when', async () => {
    const calls = answer({ 'directory.whoami': () => success(verified), 'council.propose': () => success(proposed) })
    render(<ProposePage />)
    await typeInto('例如：1号楼楼道加装扶手', ' 1号楼楼道加装扶手 ')
    await typeInto('现在是什么情况，为什么要大家一起商量', '楼里老人多，上下楼没有扶手不安全。')
    await tap('我家这栋楼（康乐小区 1号楼）')
    await tap('发起提议')
    expect(await screen.findByText('提议发起好了')).toBeInTheDocument()
    expect(screen.getByText('需要 10 户邻居联署，现在有 1 户。')).toBeInTheDocument()
    expect(screen.getByText(/14 天内，也就是 3月17日 09:00 前凑够/)).toBeInTheDocument()
    expect(inputsOf(calls, 'propose')).toEqual([
      { idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), title: '1号楼楼道加装扶手', background: '楼里老人多，上下楼没有扶手不安全。', scope: { kind: 'buildings', buildingIds: ['bldg-kl-1'] } },
    ])
    await tap('看这个提议')
    expect(navigations).toEqual(['/pages-council/proposal/index?id=pp-1'])
  })

  test('a building small enough that her own household is the threshold: told it went to the committee at once, not to gather co-signers', async () => {
    answer({ 'directory.whoami': () => success(verified), 'council.propose': () => success({ ...proposed, threshold: 1, status: 'awaitingDecision', availableActions: [] }) })
    render(<ProposePage />)
    await typeInto('例如：1号楼楼道加装扶手', '1号楼楼道加装扶手')
    await typeInto('现在是什么情况，为什么要大家一起商量', '楼里老人多，上下楼没有扶手不安全。')
    await tap('发起提议')
    expect(await screen.findByText('提议发起好了，已交给居委会')).toBeInTheDocument()
    expect(screen.getByText('这个范围需要 1 户联署，您家发起就算够了。居委会会决定要不要请大家投票，不同意也会写明原因。')).toBeInTheDocument()
    expect(screen.queryByText(/请他们来联署|14 天内/)).toBeNull()
  })

  test('the scope is my community unless I narrow it; a retry after a failure keeps the same key; nothing goes without a title', async () => {
    let tries = 0
    const calls = answer({ 'directory.whoami': () => success(verified), 'council.propose': () => (++tries === 1 ? failure('INTERNAL', 'lost') : success(proposed)) })
    render(<ProposePage />)
    await tap('发起提议')
    expect(await screen.findByText('请写一下要商量什么事。')).toBeInTheDocument()
    await typeInto('例如：1号楼楼道加装扶手', '增设快递柜')
    await typeInto('现在是什么情况，为什么要大家一起商量', '快递常常丢。')
    await tap('我家所在的网格（康乐一网格）')
    await tap('整个社区（康乐社区）')
    await tap('发起提议')
    expect(await screen.findByText('这次没有办成，请检查网络后再试一次。')).toBeInTheDocument()
    await tap('发起提议')
    await screen.findByText('提议发起好了')
    const [first, second] = inputsOf(calls, 'propose') as { idempotencyKey: string; scope: unknown }[]
    expect(first.scope).toEqual({ kind: 'community', communityIds: ['comm-kangle'] })
    expect(second.idempotencyKey).toBe(first.idempotencyKey)
  })

  test('someone not verified is told how to become able to propose, and gets no form', async () => {
    answer({ 'directory.whoami': () => success(whoami()) })
    render(<ProposePage />)
    expect(await screen.findByText('绑定您家后才能发起提议')).toBeInTheDocument()
    expect(screen.queryByText('发起提议')).toBeNull()
    await tap('绑定我家')
    expect(navigations).toEqual(['/pages-resident/bind/index'])
  })

  test('a neighbour co-signs: the input names the proposal, the page shows the new count and no second 联署', async () => {
    routerParams.id = 'pp-1'
    const calls = answer({
      'council.proposal': () => success(proposalView()),
      'council.cosign': () => success(proposalView({ signatures: 4, signedByMe: true, canSign: false })),
    })
    render(<CouncilProposalPage />)
    expect(await screen.findByText('已有 3 户联署，需要 10 户，还差 7 户')).toBeInTheDocument()
    expect(screen.getByText('正在征集联署')).toBeInTheDocument()
    expect(screen.getByText('3月17日 09:00 前凑够，就交给居委会决定。')).toBeInTheDocument()
    expect(screen.queryByText('撤回提议')).toBeNull()
    await tap('联署')
    expect(await screen.findByText('✓ 您家已经联署')).toBeInTheDocument()
    expect(screen.getByText('已有 4 户联署，需要 10 户，还差 6 户')).toBeInTheDocument()
    expect(inputsOf(calls, 'cosign')).toEqual([{ proposalId: 'pp-1' }])
    expect(screen.queryByText('联署')).toBeNull()
  })

  test('a declined proposal shows its reason to everyone; an accepted one opens its topic', async () => {
    routerParams.id = 'pp-1'
    answer({ 'council.proposal': () => success(proposalView({ status: 'declined', canSign: false, signatures: 10, reason: '楼道宽度不够，消防不允许加装。' })) })
    const declined = render(<CouncilProposalPage />)
    expect(await screen.findByText('居委会没有采纳的原因')).toBeInTheDocument()
    expect(screen.getByText('楼道宽度不够，消防不允许加装。')).toBeInTheDocument()
    declined.unmount()

    answer({ 'council.proposal': () => success(proposalView({ status: 'accepted', canSign: false, signatures: 10, topicId: 'tp-9' })) })
    render(<CouncilProposalPage />)
    await tap('看这个议题')
    expect(navigations).toEqual(['/pages-council/topic/index?id=tp-9'])
  })

  test('the proposer withdraws after a second tap; the page then says so', async () => {
    routerParams.id = 'pp-1'
    const calls = answer({ 'council.proposal': () => success(proposed), 'council.withdrawProposal': () => success({ ...proposed, status: 'withdrawn', availableActions: [] }) })
    render(<CouncilProposalPage />)
    expect(await screen.findByText('这是您发起的提议。')).toBeInTheDocument()
    await tap('撤回提议')
    expect(inputsOf(calls, 'withdrawProposal')).toEqual([])
    await tap('确认撤回')
    expect(await screen.findByText('发起人已撤回')).toBeInTheDocument()
    expect(inputsOf(calls, 'withdrawProposal')).toEqual([{ proposalId: 'pp-1' }])
    expect(screen.queryByText('撤回提议')).toBeNull()
  })

  test('shared, the card carries the proposal’s title and opens it', async () => {
    routerParams.id = 'pp-1'
    answer({ 'council.proposal': () => success(proposalView()) })
    render(<CouncilProposalPage />)
    await screen.findByText('正在征集联署')
    expect(shareCard()).toEqual({
      app: { title: '1号楼楼道加装扶手', path: '/pages-council/proposal/index?id=pp-1' },
      timeline: { title: '1号楼楼道加装扶手', query: 'id=pp-1' },
    })
  })
})
