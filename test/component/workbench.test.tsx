import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import WorkbenchPage from '@/pages-staff/workbench/index'
import { errorText } from '@/services/error-text'
import { failure, success } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { tap, typeInto } from './support/fields'
import { bindingRequest, household, registration, whoami } from './support/fixtures'
import { navigations, toasts } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

// As a reviewer's list has them (issue 10, 3): the building only, no room and no household id.
const { householdId: _id, room: _room, ...building } = household
const twoRequests = [bindingRequest({ household: building }), bindingRequest({ requestId: 'br-2', applicantName: '赵德明', applicantPhone: undefined, household: building })]
// 微心愿's and 邻里议事厅's queues are wish-staff-workbench.test.tsx's and council-staff-workbench.test.tsx's
// matter: here they are not this person's work.
const noWishWork = {
  'wishes.listForReview': () => failure('FORBIDDEN', 'reviewers only'),
  'wishes.branchOverview': () => failure('FORBIDDEN', 'secretaries only'),
  'council.listProposals': () => failure('FORBIDDEN', 'committee only'),
  'council.listAssistedBallots': () => failure('FORBIDDEN', 'staff only'),
}
const queues = {
  ...noWishWork,
  'requests.inboxCounts': () => success({ overdue: 0, toAccept: 0, inHand: 0, awaitingRating: 0, review: null }),
  'directory.whoami': () => success(whoami()),
  'directory.listBindingRequests': () => success(twoRequests),
  'directory.listPartyRegistrations': () => success([registration({ workplace: '徐汇区第一人民医院' })]),
}

const cardOf = async (name: string) => (await screen.findByText(name)).closest('.review') as HTMLElement

describe('the staff workbench', () => {
  test('asks only for what is waiting, and shows who asked for which household', async () => {
    const calls = answer(queues)
    render(<WorkbenchPage />)
    const card = await cardOf('王秀英')
    expect(within(card).getByText('康乐社区 康乐小区 1号楼')).toBeInTheDocument()
    expect(within(card).getByText('电话 138****1111')).toBeInTheDocument()
    expect(within(await cardOf('赵德明')).getByText('没有留电话')).toBeInTheDocument()
    expect(within(await cardOf('李建国')).getByText('在职党员 · 徐汇区第一人民医院')).toBeInTheDocument()
    expect(inputsOf(calls, 'listBindingRequests')).toEqual([{ status: 'pending' }])
    expect(inputsOf(calls, 'listPartyRegistrations')).toEqual([{ status: 'pending' }])
  })

  test('the full room and phone appear only when the reviewer asks for them', async () => {
    const calls = answer({ ...queues, 'directory.bindingContact': () => success({ room: '101', phone: '13800001111' }) })
    render(<WorkbenchPage />)
    const card = await cardOf('王秀英')
    expect(inputsOf(calls, 'bindingContact')).toEqual([])
    fireEvent.click(within(card).getByText('核对时查看完整房号和电话'))
    expect(await within(card).findByText('房号 101，电话 13800001111（本次查看已记录）')).toBeInTheDocument()
    expect(inputsOf(calls, 'bindingContact')).toEqual([{ requestId: 'br-1' }])
  })

  test('approving a binding sends the decision and takes it off the list', async () => {
    const calls = answer({ ...queues, 'directory.decideBinding': () => success(bindingRequest({ status: 'approved' })) })
    render(<WorkbenchPage />)
    const card = await cardOf('王秀英')
    fireEvent.click(within(card).getByText('同意'))
    await waitFor(() => expect(screen.queryByText('王秀英')).not.toBeInTheDocument())
    expect(inputsOf(calls, 'decideBinding')).toEqual([{ requestId: 'br-1', decision: 'approve' }])
    expect(screen.getByText('赵德明')).toBeInTheDocument()
    expect(toasts).toEqual(['已同意绑定'])
  })

  test('refusing needs a reason before anything is sent, then sends it', async () => {
    const calls = answer({ ...queues, 'directory.decideBinding': () => success(bindingRequest({ status: 'refused' })) })
    render(<WorkbenchPage />)
    await cardOf('王秀英')
    const [firstRefuse] = await screen.findAllByText('不同意…')
    fireEvent.click(firstRefuse)
    await tap('确认不同意')
    expect(await screen.findByRole('alert')).toHaveTextContent('请写明原因')
    expect(inputsOf(calls, 'decideBinding')).toEqual([])

    await typeInto('例如：房号与登记信息不符', ' 查无此人 ')
    await tap('确认不同意')
    await waitFor(() => expect(screen.queryByText('王秀英')).not.toBeInTheDocument())
    expect(inputsOf(calls, 'decideBinding')).toEqual([{ requestId: 'br-1', decision: 'refuse', reason: '查无此人' }])
    expect(toasts).toEqual(['已退回'])
  })

  test('a decision someone else already made stays on screen with plain words', async () => {
    answer({ ...queues, 'directory.verifyParty': () => failure('CONFLICT', 'already decided') })
    render(<WorkbenchPage />)
    const card = await cardOf('李建国')
    fireEvent.click(within(card).getByText('同意'))
    expect(await within(card).findByRole('alert')).toHaveTextContent(errorText.CONFLICT)
    expect(screen.getByText('李建国')).toBeInTheDocument()
  })

  test('the branch secretary confirms a registration', async () => {
    const calls = answer({ ...queues, 'directory.verifyParty': () => success(registration({ status: 'approved' })) })
    render(<WorkbenchPage />)
    fireEvent.click(within(await cardOf('李建国')).getByText('同意'))
    await waitFor(() => expect(screen.queryByText('李建国')).not.toBeInTheDocument())
    expect(inputsOf(calls, 'verifyParty')).toEqual([{ registrationId: 'pr-1', decision: 'approve' }])
    expect(await screen.findByText('没有等待确认的党员报到。')).toBeInTheDocument()
  })

  test('a queue the server says is not mine is left out', async () => {
    answer({ ...queues, 'directory.listBindingRequests': () => failure('FORBIDDEN', 'committee only') })
    render(<WorkbenchPage />)
    await cardOf('李建国')
    expect(screen.queryByText('住户绑定申请')).not.toBeInTheDocument()
    expect(screen.queryByText('这里是工作人员的页面')).not.toBeInTheDocument()
  })

  test('someone with no queue at all is told so kindly', async () => {
    answer({
      ...noWishWork,
      'requests.inboxCounts': () => failure('FORBIDDEN', 'no'),
      'directory.whoami': () => success(whoami()),
      'directory.listBindingRequests': () => failure('FORBIDDEN', 'no'),
      'directory.listPartyRegistrations': () => failure('FORBIDDEN', 'no'),
    })
    render(<WorkbenchPage />)
    expect(await screen.findByText('这里是工作人员的页面')).toBeInTheDocument()
    expect(screen.queryByText('党员报到')).not.toBeInTheDocument()
    expect(screen.queryByText('诉求收件箱')).not.toBeInTheDocument()
  })

  test('a grid worker gets the request work, with each tab’s count and what is already late, from the server’s counts', async () => {
    const calls = answer({
      ...noWishWork,
      'requests.inboxCounts': () => success({ overdue: 2, toAccept: 3, inHand: 12, awaitingRating: 1, review: null }),
      'directory.whoami': () => success(whoami({ roles: ['resident', 'gridWorker'], scopes: { gridIds: ['grid-kangle-1'], communityIds: [], streetIds: [], branchIds: [] } })),
      'directory.listBindingRequests': () => failure('FORBIDDEN', 'no'),
      'directory.listPartyRegistrations': () => failure('FORBIDDEN', 'no'),
    })
    render(<WorkbenchPage />)
    expect(await screen.findByText('2 件已超时')).toBeInTheDocument()
    expect(screen.getByText('待接单 3 · 办理中 12 · 待评价 1')).toBeInTheDocument()
    expect(screen.queryByText('这里是工作人员的页面')).not.toBeInTheDocument()
    expect(inputsOf(calls, 'inbox')).toEqual([])
    expect(inputsOf(calls, 'inboxCounts')).toEqual([{}])
    await tap('代居民登记（代办）')
    await tap('网格看板')
    expect(navigations).toEqual(['/pages-staff/file/index?kind=onBehalf', '/pages-staff/dashboard/index'])
  })
})

describe('the workbench per persona: only the entries the caller may use', () => {
  const nothingElse = { ...noWishWork, 'directory.listBindingRequests': () => failure('FORBIDDEN', 'no'), 'directory.listPartyRegistrations': () => failure('FORBIDDEN', 'no') }

  test('a resident (the server refuses every queue) sees no request entry, only the kind notice', async () => {
    answer({ ...nothingElse, 'requests.inboxCounts': () => failure('FORBIDDEN', 'no'), 'directory.whoami': () => success(whoami()) })
    render(<WorkbenchPage />)
    expect(await screen.findByText('这里是工作人员的页面')).toBeInTheDocument()
    for (const entry of ['诉求收件箱', '代居民登记（代办）', '巡查发现（主动治理）', '网格看板']) expect(screen.queryByText(entry)).toBeNull()
  })

  test('a branch secretary sees her branch’s work and no request entries', async () => {
    answer({
      ...nothingElse,
      'wishes.branchOverview': () => success({ branch: { _id: 'br-3', name: '康乐三网格党支部' }, unclaimed: [], lapsed: [], members: [], ranking: [] }),
      'directory.listPartyRegistrations': () => success([]),
      'requests.inboxCounts': () => failure('FORBIDDEN', 'no'),
      'directory.whoami': () => success(whoami({ roles: ['resident', 'branchSecretary'], scopes: { gridIds: [], communityIds: [], streetIds: [], branchIds: ['br-3'] } })),
    })
    render(<WorkbenchPage />)
    expect(await screen.findByText('支部心愿')).toBeInTheDocument()
    for (const entry of ['诉求收件箱', '代居民登记（代办）', '巡查发现（主动治理）', '网格看板']) expect(screen.queryByText(entry)).toBeNull()
  })

  test('a property contact the directory names has his inbox, and no 代办, 巡查 or dashboard: he holds no territory', async () => {
    answer({
      ...nothingElse,
      'requests.inboxCounts': () => success({ overdue: 0, toAccept: 1, inHand: 0, awaitingRating: 0, review: null }),
      'directory.whoami': () => success(whoami()),
    })
    render(<WorkbenchPage />)
    expect(await screen.findByText('诉求收件箱')).toBeInTheDocument()
    expect(await screen.findByText('待接单 1 · 办理中 0 · 待评价 0')).toBeInTheDocument()
    for (const entry of ['代居民登记（代办）', '巡查发现（主动治理）', '网格看板']) expect(screen.queryByText(entry)).toBeNull()
  })

  test('the committee sees the review count beside the others', async () => {
    answer({
      ...nothingElse,
      'requests.inboxCounts': () => success({ overdue: 0, toAccept: 0, inHand: 4, awaitingRating: 0, review: 2 }),
      'directory.whoami': () => success(whoami({ roles: ['resident', 'committee'], scopes: { gridIds: [], communityIds: ['comm-kangle'], streetIds: [], branchIds: [] } })),
    })
    render(<WorkbenchPage />)
    expect(await screen.findByText('待接单 0 · 办理中 4 · 待评价 0 · 待审核 2')).toBeInTheDocument()
    expect(screen.getByText('代居民登记（代办）')).toBeInTheDocument()
  })
})
