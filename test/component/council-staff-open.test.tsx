import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import OpenTopicPage from '@/pages-council/open/index'
import { ruleWords } from '@/services/council-labels'
import { success, type ActionInput } from '@/types'
import { at, topicDetail } from './support/council-fixtures'
import { answer, inputsOf, type Recorded } from './support/fake-call'
import { errorBeside, fieldErrors, tap, typeInto } from './support/fields'
import { whoami } from './support/fixtures'
import { pinNow } from './support/request-fixtures'
import { navigations, routerParams } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

type OpenInput = ActionInput<'council', 'openTopic'>

/** 00:00 Beijing of a March 2025 day, as an instant (16:00 UTC the day before). */
const startOfMarch = (day: number) => Date.UTC(2025, 2, day - 1, 16)

const committee = {
  'directory.whoami': () => success(whoami({ roles: ['committee'], scopes: { gridIds: [], communityIds: ['comm-kangle'], streetIds: [], branchIds: [] } })),
  'directory.listCommunities': () => success([{ id: 'comm-kangle', name: '康乐社区', type: '老公房' as const }, { id: 'comm-cuihu', name: '翠湖社区', type: '商品房' as const }]),
  'directory.listBuildings': () =>
    success([
      { id: 'bldg-kl-1', name: '1号楼', estate: '康乐小区', gridId: 'grid-kangle-1' },
      { id: 'bldg-kl-2', name: '2号楼', estate: '康乐小区', gridId: 'grid-kangle-1' },
      { id: 'bldg-kl-6', name: '6号楼', estate: '康乐小区', gridId: 'grid-kangle-2' },
    ]),
  'directory.listGrids': () =>
    success([
      { id: 'grid-kangle-1', name: '康乐一网格' },
      { id: 'grid-kangle-2', name: '康乐二网格' },
    ]),
  'council.countElectorate': (input: unknown) => {
    const { rule } = input as ActionInput<'council', 'countElectorate'>
    return success(rule === 'art278' ? { units: 96, households: 120, ownerArea: 8640.4 } : { units: 120, households: 120 })
  },
  'council.openTopic': () => success(topicDetail({ _id: 'tp-9' })),
}

/** The date pickers answer as the platform's: a change event carrying YYYY-MM-DD. */
function pickDate(which: 0 | 1, value: string) {
  const picker = document.querySelectorAll('taro-picker-core')[which]
  fireEvent(picker, new CustomEvent('change', { detail: { value }, bubbles: true }))
}

async function writeTitleAndBackground() {
  await typeInto('例如：要不要在小区里加装电动车充电桩', ' 在3号楼旁边建电动自行车充电棚 ')
  await typeInto('为什么要议、现在是什么情况、大概要花多少钱', '楼道里停电动车、拉线充电，消防检查提了好几次。')
}

const opened = (calls: Recorded[]) => inputsOf(calls, 'openTopic') as OpenInput[]

describe('发起议题: the committee opens a topic', () => {
  beforeEach(() => pinNow(at))
  afterEach(() => jest.restoreAllMocks())

  test('over its community: the electorate is counted before sending, and the terms go as picked', async () => {
    const calls = answer(committee)
    render(<OpenTopicPage />)
    expect(await screen.findByText('这个范围现在有 120 户可以投票')).toBeInTheDocument()
    expect(inputsOf(calls, 'countElectorate')).toEqual([{ scope: { kind: 'community', communityIds: ['comm-kangle'] }, unit: 'household', rule: 'majority' }])
    expect(screen.getByText(ruleWords.majority)).toBeInTheDocument()

    await writeTitleAndBackground()
    pickDate(0, '2025-03-05')
    pickDate(1, '2025-03-12')
    await tap('发起议题')

    await waitFor(() => expect(opened(calls)).toHaveLength(1))
    const [input] = opened(calls)
    expect(input.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect({ ...input, idempotencyKey: 'key' }).toEqual({
      idempotencyKey: 'key',
      title: '在3号楼旁边建电动自行车充电棚',
      background: '楼道里停电动车、拉线充电，消防检查提了好几次。',
      photos: [],
      unit: 'household',
      options: { kind: 'yesNo' },
      rule: 'majority',
      quorumPercent: 50,
      opensAt: startOfMarch(5),
      closesAt: startOfMarch(13),
      scope: { kind: 'community', communityIds: ['comm-kangle'] },
    })
    expect(navigations).toEqual(['/pages-council/topic/index?id=tp-9'])
  })

  test('a window starting today opens at once and closes when its last day ends', async () => {
    const calls = answer(committee)
    render(<OpenTopicPage />)
    await screen.findByText('这个范围现在有 120 户可以投票')
    await writeTitleAndBackground()
    await tap('发起议题')
    await waitFor(() => expect(opened(calls)).toHaveLength(1))
    expect(opened(calls)[0]).toMatchObject({ opensAt: at, closesAt: startOfMarch(11) })
  })

  test('some buildings, one vote per resident, three choices of which two may be picked, a quorum of 30%', async () => {
    const calls = answer(committee)
    render(<OpenTopicPage />)
    await tap('选几栋楼')
    await tap('康乐小区 1号楼')
    await tap('康乐小区 6号楼')
    await tap('每位认证居民一票')
    expect(await screen.findByText('这个范围现在有 120 位认证居民可以投票（共 120 户）')).toBeInTheDocument()
    expect(inputsOf(calls, 'countElectorate')).toContainEqual({ scope: { kind: 'buildings', buildingIds: ['bldg-kl-1', 'bldg-kl-6'] }, unit: 'person', rule: 'majority' })

    await tap('几个方案里选（2 到 8 个）')
    await tap('再加一个方案（最多 8 个）')
    await typeInto('写第 1 个方案', '建在3号楼东侧')
    await typeInto('写第 2 个方案', '建在小区北门')
    await typeInto('写第 3 个方案', '不建，改为集中充电柜')
    await tap('最多选 2 个')
    await typeInto('0 到 100', '30')
    await writeTitleAndBackground()
    await tap('发起议题')

    await waitFor(() => expect(opened(calls)).toHaveLength(1))
    expect(opened(calls)[0]).toMatchObject({
      unit: 'person',
      options: { kind: 'choices', choices: ['建在3号楼东侧', '建在小区北门', '不建，改为集中充电柜'], maxPicks: 2 },
      quorumPercent: 30,
      scope: { kind: 'buildings', buildingIds: ['bldg-kl-1', 'bldg-kl-6'] },
    })
  })

  test('some grids, each by its name from the directory', async () => {
    const calls = answer(committee)
    render(<OpenTopicPage />)
    await tap('选几个网格')
    await tap('康乐二网格')
    expect(screen.getByRole('checkbox', { name: '康乐一网格' })).toHaveAttribute('aria-checked', 'false')
    expect(screen.getByRole('checkbox', { name: '康乐二网格' })).toHaveAttribute('aria-checked', 'true')
    expect(screen.queryByText(/网格：/)).toBeNull()
    await writeTitleAndBackground()
    await waitFor(() => expect(inputsOf(calls, 'countElectorate')).toContainEqual({ scope: { kind: 'grids', gridIds: ['grid-kangle-2'] }, unit: 'household', rule: 'majority' }))
    await screen.findByText('这个范围现在有 120 户可以投票')
    await tap('发起议题')
    await waitFor(() => expect(opened(calls)).toHaveLength(1))
    expect(opened(calls)[0].scope).toEqual({ kind: 'grids', gridIds: ['grid-kangle-2'] })
    expect(inputsOf(calls, 'listGrids')).toEqual([{ communityId: 'comm-kangle' }])
    expect(inputsOf(calls, 'listBuildings')).toEqual([])
  })

  test('业主共同决定 under art. 278 forces a yes/no question, one vote per household, and counts the owners and their area', async () => {
    const calls = answer(committee)
    render(<OpenTopicPage />)
    await tap('每位认证居民一票')
    await tap('几个方案里选（2 到 8 个）')
    await tap('业主共同决定（民法典第278条）')
    expect(screen.getByText(ruleWords.art278)).toBeInTheDocument()
    expect(screen.getByText('业主共同决定：每户一票，赞成或反对')).toBeInTheDocument()
    expect(screen.queryByText('谁来投票')).not.toBeInTheDocument()
    expect(screen.queryByText('几个方案里选（2 到 8 个）')).not.toBeInTheDocument()
    expect(screen.queryByText('最低参与比例（%）')).not.toBeInTheDocument()
    expect(await screen.findByText('这个范围现在有 96 户业主可以投票，专有面积合计 8640 平方米')).toBeInTheDocument()
    expect(inputsOf(calls, 'countElectorate')).toContainEqual({ scope: { kind: 'community', communityIds: ['comm-kangle'] }, unit: 'household', rule: 'art278' })

    await writeTitleAndBackground()
    await tap('发起议题')
    await waitFor(() => expect(opened(calls)).toHaveLength(1))
    expect(opened(calls)[0]).toMatchObject({ rule: 'art278', unit: 'household', options: { kind: 'yesNo' }, quorumPercent: 0 })
  })

  test('a scope where nobody can vote is said so, and nothing is opened', async () => {
    const calls = answer({ ...committee, 'council.countElectorate': () => success({ units: 0, households: 0 }) })
    render(<OpenTopicPage />)
    expect(await screen.findByText('这个范围现在没有人可以投票')).toBeInTheDocument()
    await writeTitleAndBackground()
    await tap('发起议题')
    expect(await screen.findByRole('alert')).toHaveTextContent('这个范围现在没有人可以投票，请换一个范围。')
    expect(opened(calls)).toEqual([])
  })

  test('nothing is sent without a title, nor with two equal choices; each says so beside its box', async () => {
    const calls = answer(committee)
    render(<OpenTopicPage />)
    await screen.findByText('这个范围现在有 120 户可以投票')
    await tap('发起议题')
    await waitFor(() => expect(errorBeside('议题')).toBe('请写议题的标题。'))
    expect(errorBeside('背景')).toBe('请写一下背景：为什么要议、现在是什么情况。')
    await writeTitleAndBackground()
    await waitFor(() => expect(fieldErrors()).toEqual([]))
    await tap('几个方案里选（2 到 8 个）')
    await typeInto('写第 1 个方案', '建')
    await typeInto('写第 2 个方案', '建')
    await tap('发起议题')
    // Said over the choices it is about, not over the button.
    await waitFor(() => expect(document.querySelector('.council-choices > .field__error')).toHaveTextContent('有两个选项写得一样，请改一下。'))
    expect(fieldErrors()).toEqual(['有两个选项写得一样，请改一下。'])
    await typeInto('写第 2 个方案', '修')
    await waitFor(() => expect(fieldErrors()).toEqual([]))
    expect(opened(calls)).toEqual([])
  })

  test('每月一题 opens it with the month’s requests, which the topic is linked to', async () => {
    Object.assign(routerParams, { requestIds: 'rq-11,rq-12', category: 'facility', title: encodeURIComponent('康乐一网格的公共设施问题怎么解决') })
    const calls = answer(committee)
    render(<OpenTopicPage />)
    expect(await screen.findByText('来自每月一题：关联 2 件诉求')).toBeInTheDocument()
    await waitFor(() => expect(document.querySelector('input[placeholder="例如：要不要在小区里加装电动车充电桩"]')).toHaveValue('康乐一网格的公共设施问题怎么解决'))
    await typeInto('为什么要议、现在是什么情况、大概要花多少钱', '路灯坏了好几处。')
    await screen.findByText('这个范围现在有 120 户可以投票')
    await tap('发起议题')
    await waitFor(() => expect(opened(calls)).toHaveLength(1))
    expect(opened(calls)[0]).toMatchObject({ title: '康乐一网格的公共设施问题怎么解决', fromRequestIds: ['rq-11', 'rq-12'] })
  })

  test('someone who runs no community is told whose page this is', async () => {
    answer({ ...committee, 'directory.whoami': () => success(whoami()) })
    render(<OpenTopicPage />)
    expect(await screen.findByText('这里是居委会的页面')).toBeInTheDocument()
    expect(screen.queryByText('发起议题')).not.toBeInTheDocument()
  })
})
