import { act, render, screen, waitFor, within } from '@testing-library/react'
import AssistedBallotsPage from '@/pages-council/assisted/index'
import { failure, success, type ActionInput } from '@/types'
import { assistedBallot, choicesOptions, topicDetail, topicItem } from './support/council-fixtures'
import { answer, inputsOf } from './support/fake-call'
import { whoami } from './support/fixtures'
import { errorBeside, fieldErrors, tap, typeInto } from './support/fields'
import { navigations, pickedPhotos } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))
jest.mock('@/services/upload-photo', () => ({
  uploadPhoto: jest.fn(async (path: string) => `cloud://jucun-test.6a75-jucun-test-1300000000/requests/openid-staff/20250305/${path}`),
}))

const mine = assistedBallot({ _id: 'ab-mine', residentName: '赵德明', placeLabel: '康乐小区 2号楼', mine: true, enteredBy: '我' })
const colleagues = assistedBallot()
const queue = {
  'council.listAssistedBallots': () => success([mine, colleagues]),
  'council.listTopics': () =>
    success({ items: [topicItem(), topicItem({ _id: 'tp-2', title: '长桥新村增设晾衣架', status: 'deliberating' }), topicItem({ _id: 'tp-3', title: '康乐社区道路改造方案' })], nextCursor: null }),
  'council.topic': (input: unknown) =>
    success((input as { topicId: string }).topicId === 'tp-3' ? topicDetail({ _id: 'tp-3', title: '康乐社区道路改造方案', options: choicesOptions }) : topicDetail()),
}

/** Where staff find the resident: 康乐社区 → 康乐小区1号楼 → 101室 → 王秀英 (业主) and her lodger 李强. */
const directory = {
  'directory.whoami': () => success(whoami({ roles: ['committee'], scopes: { gridIds: [], communityIds: ['comm-kangle'], streetIds: [], branchIds: [] } })),
  'directory.listCommunities': () => success([{ id: 'comm-kangle', name: '康乐社区', type: '老公房' as const }, { id: 'comm-cuihu', name: '翠湖社区', type: '商品房' as const }]),
  'directory.listBuildings': () =>
    success([
      { id: 'bldg-kl-1', name: '1号楼', estate: '康乐小区', gridId: 'grid-kangle-1' },
      { id: 'bldg-kl-6', name: '6号楼', estate: '康乐小区', gridId: 'grid-kangle-2' },
    ]),
  'directory.listHouseholds': () => success([{ id: 'hh-kl-1-101', room: '101' }, { id: 'hh-kl-1-102', room: '102' }]),
  'directory.householdResidents': (input: unknown) =>
    success(
      (input as ActionInput<'directory', 'householdResidents'>).householdId === 'hh-kl-1-101'
        ? [{ residentId: 'openid-wang', name: '王秀英', tenure: 'owner' as const }, { residentId: 'openid-li', name: '李强', tenure: 'occupant' as const }]
        : [],
    ),
}

/** Building → room → resident, as staff tap them. */
async function pickWang() {
  await tap('康乐小区 1号楼')
  await tap('101室')
  await tap('王秀英（业主）')
}

const cardOf = async (name: string) => (await screen.findByText(new RegExp(`^${name} · `))).closest('.council-assisted') as HTMLElement

describe('代录投票与确认: assisted ballots, four eyes', () => {
  test('one’s own entry waits for a colleague with no buttons; a colleague’s can be confirmed', async () => {
    const calls = answer({ ...queue, 'council.decideAssistedBallot': () => success(assistedBallot({ status: 'counted' })) })
    render(<AssistedBallotsPage />)
    const own = await cardOf('赵德明')
    expect(within(own).getByText('等另一位工作人员确认')).toBeInTheDocument()
    expect(within(own).queryByText('确认计入')).not.toBeInTheDocument()
    expect(within(own).queryByText('不计入…')).not.toBeInTheDocument()
    expect(inputsOf(calls, 'listAssistedBallots')).toEqual([{ status: 'pending' }])
    // Only the colleague's entry waits on this person.
    expect(screen.getByText('等确认（1）')).toBeInTheDocument()

    const other = await cardOf('王秀英')
    expect(within(other).getByText('赞成')).toBeInTheDocument()
    expect(within(other).getByText('3月5日上午王阿姨打电话来说赞成')).toBeInTheDocument()
    await tap('确认计入')
    expect(await within(other).findByText('已确认，已计入')).toBeInTheDocument()
    expect(inputsOf(calls, 'decideAssistedBallot')).toEqual([{ assistedId: 'ab-1', decision: 'confirm' }])
  })

  test('a unit that had voted already is said plainly: not counted twice', async () => {
    answer({ ...queue, 'council.decideAssistedBallot': () => success(assistedBallot({ status: 'conflict' })) })
    render(<AssistedBallotsPage />)
    const other = await cardOf('王秀英')
    await tap('确认计入')
    expect(await within(other).findByText('这一户已经投过票了，这张没有计入，不会重复计算')).toBeInTheDocument()
    expect(within(other).queryByText('确认计入')).not.toBeInTheDocument()
  })

  test('refusing asks the reason, then sends it', async () => {
    const calls = answer({ ...queue, 'council.decideAssistedBallot': () => success(assistedBallot({ status: 'refused' })) })
    render(<AssistedBallotsPage />)
    await cardOf('王秀英')
    await tap('不计入…')
    await tap('确认不计入')
    expect(await screen.findByRole('alert')).toHaveTextContent('请写一下原因。')
    await typeInto('例如：照片上的签名和居民姓名对不上', '电话里听不清是谁')
    await tap('确认不计入')
    expect(await screen.findByText('没有计入（确认的工作人员退回了）')).toBeInTheDocument()
    expect(inputsOf(calls, 'decideAssistedBallot')).toEqual([{ assistedId: 'ab-1', decision: 'refuse', reason: '电话里听不清是谁' }])
  })

  test('a choice is named by the topic’s words, not its key', async () => {
    answer({ ...queue, 'council.listAssistedBallots': () => success([assistedBallot({ topicId: 'tp-3', topicTitle: '康乐社区道路改造方案', topicOptions: choicesOptions, options: ['c0', 'c3'] })]) })
    render(<AssistedBallotsPage />)
    expect(await screen.findByText('增加路灯、种植绿化')).toBeInTheDocument()
  })

  test('entering a phone vote: only topics now voting, the resident, the choice, how, a note', async () => {
    const calls = answer({ ...queue, ...directory, 'council.enterAssistedBallot': () => success(assistedBallot({ mine: true })) })
    render(<AssistedBallotsPage />)
    await tap('代录一张')
    expect(await screen.findByText(/^康乐社区道路改造方案/)).toBeInTheDocument()
    expect(screen.queryByText(/^长桥新村增设晾衣架/)).not.toBeInTheDocument()
    expect(inputsOf(calls, 'listTopics')).toEqual([{ view: 'open', limit: 50 }])
    await tap(/^在3号楼旁边建电动自行车充电棚（/)
    await tap('赞成')
    await tap('居民打电话说的')
    await tap('录入，等另一位工作人员确认')
    // Both missing at once: who, and the note or photo.
    await waitFor(() => expect(fieldErrors()).toEqual(['请选是哪一户的哪一位居民。', '请拍下纸质选票，或写一句说明（例如谁打来的电话、什么时候）。']))
    expect(errorBeside('说明（可不填）')).toBe('请拍下纸质选票，或写一句说明（例如谁打来的电话、什么时候）。')
    // The topic is over the community: its one community is taken, not asked.
    expect(screen.queryByText('居民住在哪个社区')).toBeNull()
    await pickWang()
    expect(inputsOf(calls, 'listBuildings')).toEqual([{ communityId: 'comm-kangle' }])
    expect(inputsOf(calls, 'listHouseholds')).toEqual([{ buildingId: 'bldg-kl-1' }])
    expect(inputsOf(calls, 'householdResidents')).toEqual([{ householdId: 'hh-kl-1-101' }])
    expect(screen.getByText('李强（不是业主）')).toBeInTheDocument()
    // The resident picked, that error is gone at once; the note's stays until it is written.
    await waitFor(() => expect(fieldErrors()).toEqual(['请拍下纸质选票，或写一句说明（例如谁打来的电话、什么时候）。']))
    expect(inputsOf(calls, 'enterAssistedBallot')).toEqual([])

    await typeInto('例如：3月5日上午王阿姨本人到居委会投的', '3月5日上午王阿姨打电话来说赞成')
    await tap('录入，等另一位工作人员确认')
    expect(await screen.findByText('已录入：王秀英的选票')).toBeInTheDocument()
    expect(inputsOf(calls, 'enterAssistedBallot')).toEqual([
      { topicId: 'tp-1', residentId: 'openid-wang', options: ['yes'], via: 'phone', note: '3月5日上午王阿姨打电话来说赞成', photos: [] },
    ])
    await waitFor(() => expect(inputsOf(calls, 'listAssistedBallots')).toHaveLength(2))
  })

  test('a paper slip’s photo stands for the note; a choices topic takes up to its number of picks', async () => {
    const calls = answer({ ...queue, ...directory, 'council.enterAssistedBallot': () => success(assistedBallot({ mine: true })) })
    render(<AssistedBallotsPage />)
    await tap('代录一张')
    await tap(/^康乐社区道路改造方案（/)
    await tap('增加路灯')
    await tap('修补道路')
    await tap('种植绿化')
    expect(screen.getByText('已选 2 个，最多 2 个；要换一个，先点掉已选的。')).toBeInTheDocument()
    await tap('居民当面说的（或交来纸质选票）')
    await pickWang()
    pickedPhotos.push('slip.jpg')
    await act(() => tap('添加照片（最多 9 张）'))
    await tap('录入，等另一位工作人员确认')
    await screen.findByText('已录入：王秀英的选票')
    expect(inputsOf(calls, 'enterAssistedBallot')).toEqual([
      {
        topicId: 'tp-3',
        residentId: 'openid-wang',
        options: ['c0', 'c1'],
        via: 'inPerson',
        photos: ['cloud://jucun-test.6a75-jucun-test-1300000000/requests/openid-staff/20250305/slip.jpg'],
      },
    ])
    expect(navigations).toEqual([])
  })

  test('a topic over some buildings offers only those; a room with no verified resident says so; under art. 278 a non-owner is refused in words', async () => {
    const calls = answer({
      ...queue,
      ...directory,
      'council.topic': () => success(topicDetail({ rule: 'art278', scope: { kind: 'buildings', buildingIds: ['bldg-kl-1'] }, scopeLabel: '康乐小区1号楼' })),
      'council.enterAssistedBallot': () => success(assistedBallot({ mine: true })),
    })
    render(<AssistedBallotsPage />)
    await tap('代录一张')
    await tap(/^在3号楼旁边建电动自行车充电棚（/)
    expect(await screen.findByText('康乐小区 1号楼')).toBeInTheDocument()
    expect(screen.queryByText('康乐小区 6号楼')).toBeNull()
    // Not over a community: the committee's own communities are where the building is looked for.
    expect(inputsOf(calls, 'listBuildings')).toEqual([{ communityId: 'comm-kangle' }])
    await tap('康乐小区 1号楼')
    await tap('102室')
    expect(await screen.findByText('这一户还没有认证的居民，不能代录。请先帮居民绑定房屋。')).toBeInTheDocument()
    await tap('101室')
    await tap('李强（不是业主）')
    await tap('赞成')
    await tap('居民当面说的（或交来纸质选票）')
    await typeInto('例如：3月5日上午王阿姨本人到居委会投的', '本人到居委会说的')
    await tap('录入，等另一位工作人员确认')
    await waitFor(() => expect(fieldErrors()).toEqual(['李强不是业主，业主共同决定的事只有业主能投票。']))
    expect(inputsOf(calls, 'enterAssistedBallot')).toEqual([])
    await tap('王秀英（业主）')
    await waitFor(() => expect(fieldErrors()).toEqual([]))
    await tap('录入，等另一位工作人员确认')
    await screen.findByText('已录入：王秀英的选票')
    expect(inputsOf(calls, 'enterAssistedBallot')).toEqual([{ topicId: 'tp-1', residentId: 'openid-wang', options: ['yes'], via: 'inPerson', note: '本人到居委会说的', photos: [] }])
  })

  test('someone who is no staff is told whose page this is', async () => {
    answer({ 'council.listAssistedBallots': () => failure('FORBIDDEN', 'staff only') })
    render(<AssistedBallotsPage />)
    expect(await screen.findByText('这里是工作人员的页面')).toBeInTheDocument()
  })
})
