import { fireEvent, render, screen, within } from '@testing-library/react'
import WishBranchPage from '@/pages-wish/branch/index'
import { errorText } from '@/services/error-text'
import { failure, success, type ActionOutput } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { tap } from './support/fields'
import { whoami } from './support/fixtures'
import { navigations, routerParams } from './support/taro.mock'
import { memberRecord, wishItem } from './support/wish-staff-fixtures'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const secretary = whoami({ roles: ['resident', 'partyMember', 'branchSecretary'], scopes: { gridIds: [], communityIds: [], streetIds: [], branchIds: ['br-grid-kangle-3'] } })
const committee = whoami({ roles: ['resident', 'committee'], scopes: { gridIds: [], communityIds: ['comm-kangle'], streetIds: [], branchIds: [] } })

const overview = (over: Partial<ActionOutput<'wishes', 'branchOverview'>> = {}): ActionOutput<'wishes', 'branchOverview'> => ({
  branch: { _id: 'br-grid-kangle-3', name: '康乐三网格党支部' },
  unclaimed: [
    wishItem({ _id: 'wish-narrow', status: 'published', summary: '想请人陪同去医院复查' }),
    wishItem({ _id: 'wish-wide', status: 'published', summary: '需要一台旧轮椅', category: 'goods', audience: 'community' }),
  ],
  lapsed: [wishItem({ _id: 'wish-lapsed', status: 'published', summary: '帮忙取快递' })],
  members: [memberRecord(), memberRecord({ memberId: 'member-2', name: '陈晓梅', realised: 0, lapses: 2, liveClaims: 0 })],
  ranking: [
    { id: 'member-1', name: '刘建华', fulfilments: 3 },
    { id: 'member-3', name: '王立新', fulfilments: 1 },
  ],
  ...over,
})

const memberRow = (name: string) => Array.from(document.querySelectorAll('.wish-member')).find((row) => row.textContent?.includes(name)) as HTMLElement
const rankRows = () => Array.from(document.querySelectorAll('.wish-rank')).map((row) => Array.from(row.children).map((cell) => cell.textContent))

describe('the branch’s wishes', () => {
  test('the secretary sees the branch: what waits (widened ones marked), what lapsed, each member’s record and the month’s ranking', async () => {
    const calls = answer({ 'wishes.branchOverview': () => success(overview()), 'directory.whoami': () => success(secretary) })
    render(<WishBranchPage />)
    expect(await screen.findByText('康乐三网格党支部')).toBeInTheDocument()
    expect(inputsOf(calls, 'branchOverview')).toEqual([{}])

    expect(screen.getByText('待认领（2）')).toBeInTheDocument()
    expect(screen.getByText('其中 1 个无人认领，已扩大到社区大党委。')).toBeInTheDocument()
    const wide = screen.getByText('需要一台旧轮椅').closest('.wish-card') as HTMLElement
    expect(within(wide).getByText('已扩大到社区大党委')).toBeInTheDocument()
    const narrow = screen.getByText('想请人陪同去医院复查').closest('.wish-card') as HTMLElement
    expect(within(narrow).queryByText('已扩大到社区大党委')).not.toBeInTheDocument()
    expect(screen.getByText('认领到期（1）')).toBeInTheDocument()

    expect(screen.getByText('党员记录（2 人）')).toBeInTheDocument()
    expect(Array.from(memberRow('刘建华').children).map((cell) => cell.textContent)).toEqual(['刘建华', '3', '0', '1'])
    expect(Array.from(memberRow('陈晓梅').children).map((cell) => cell.textContent)).toEqual(['陈晓梅', '0', '2', '0'])
    expect(rankRows()).toEqual([
      ['第 1 名', '刘建华', '3 件'],
      ['第 2 名', '王立新', '1 件'],
    ])
    expect(screen.queryByText('选择支部')).not.toBeInTheDocument()

    fireEvent.click(screen.getByText('帮忙取快递'))
    expect(navigations).toEqual(['/pages-wish/detail/index?id=wish-lapsed'])
  })

  test('a branch with nothing yet says so in each part', async () => {
    answer({ 'wishes.branchOverview': () => success(overview({ unclaimed: [], lapsed: [], members: [], ranking: [] })), 'directory.whoami': () => success(secretary) })
    render(<WishBranchPage />)
    expect(await screen.findByText('没有等待认领的心愿。')).toBeInTheDocument()
    expect(screen.getByText('没有认领到期的心愿。')).toBeInTheDocument()
    expect(screen.getByText('这个支部还没有报到的党员。')).toBeInTheDocument()
    expect(screen.getByText('本月还没有确认实现的心愿。')).toBeInTheDocument()
  })

  test('a link names the branch, and the committee can switch to another branch of its community', async () => {
    routerParams.branchId = 'br-grid-kangle-3'
    const calls = answer({
      'wishes.branchOverview': (input) =>
        success((input as { branchId?: string }).branchId === 'br-grid-kangle-1' ? overview({ branch: { _id: 'br-grid-kangle-1', name: '康乐一网格党支部' } }) : overview()),
      'directory.whoami': () => success(committee),
      'directory.listBranches': () =>
        success([
          { id: 'br-street', name: '湖滨街道大工委', level: 'street', parentId: null },
          { id: 'br-comm-kangle', name: '康乐社区大党委', level: 'community', parentId: 'br-street' },
          { id: 'br-grid-kangle-1', name: '康乐一网格党支部', level: 'grid', parentId: 'br-comm-kangle' },
          { id: 'br-grid-kangle-3', name: '康乐三网格党支部', level: 'grid', parentId: 'br-comm-kangle' },
          { id: 'br-bldg-kl-1', name: '康乐小区1号楼党小组', level: 'building', parentId: 'br-grid-kangle-1' },
        ]),
    })
    render(<WishBranchPage />)
    await screen.findByText('选择支部')
    expect(await screen.findByText('康乐一网格党支部')).toBeInTheDocument()
    expect(screen.queryByText('湖滨街道大工委')).not.toBeInTheDocument()
    expect(screen.queryByText('康乐小区1号楼党小组')).not.toBeInTheDocument()
    expect(inputsOf(calls, 'listBranches')).toEqual([{ communityId: 'comm-kangle' }])

    await tap('康乐一网格党支部')
    expect(await screen.findByText('康乐一网格党支部', { selector: '.wish-branch__name, .wish-branch__name *' })).toBeInTheDocument()
    expect(inputsOf(calls, 'branchOverview')).toEqual([{ branchId: 'br-grid-kangle-3' }, { branchId: 'br-grid-kangle-1' }])
  })

  test('someone who is neither the secretary nor the committee is told so plainly', async () => {
    answer({ 'wishes.branchOverview': () => failure('FORBIDDEN', 'secretaries only'), 'directory.whoami': () => success(whoami()) })
    render(<WishBranchPage />)
    expect(await screen.findByText('这里是支部书记和居委会的页面')).toBeInTheDocument()
    expect(screen.queryByText(errorText.FORBIDDEN)).not.toBeInTheDocument()
    expect(screen.queryByText(/党员记录/)).not.toBeInTheDocument()
  })
})
