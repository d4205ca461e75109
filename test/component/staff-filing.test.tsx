import { render, screen, waitFor } from '@testing-library/react'
import StaffFilePage from '@/pages-staff/file/index'
import { success } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { errorBeside, fieldErrors, tap, typeInto } from './support/fields'
import { whoami } from './support/fixtures'
import { requestDetail } from './support/request-fixtures'
import { expectNear, kangleMap, tapMapAt } from './support/map'
import { navigations, routerParams } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const gridWorker = whoami({ roles: ['resident', 'gridWorker'], scopes: { gridIds: ['grid-kangle-1'], communityIds: [], streetIds: [], branchIds: [] } })
const directory = {
  'directory.whoami': () => success(gridWorker),
  'directory.listCommunities': () => success([{ id: 'comm-kangle', name: '康乐社区', type: '老公房' }]),
  'directory.listBuildings': () => success([{ id: 'bldg-kl-1', name: '1号楼', estate: '康乐小区', gridId: 'grid-kangle-1' }]),
  'directory.listHouseholds': () => success([{ id: 'hh-kl-1-101', room: '101室' }]),
  'directory.route': () =>
    success({
      communityId: 'comm-kangle', gridId: 'grid-kangle-1', buildingId: 'bldg-kl-1', branchId: null, partyGroupId: null, handlerId: 'staff-zhou',
      handlerRole: 'gridWorker', locateRule: 'household', classifyRule: 'elderly→gridWorker', category: 'elderly',
      communityName: '康乐社区', gridName: '康乐一网格', branchName: null, handlerName: '网格员周丽', respondBy: 0, resolveBy: 0,
    } as const),
}

describe('staff file for others', () => {
  test('代办: the resident’s household, name and phone go with the filing, and the handler is named at once', async () => {
    const calls = answer({ ...directory, 'requests.fileOnBehalf': () => success(requestDetail({ _id: 'rq-5', filedBy: { kind: 'onBehalf', staffId: 'staff-zhou', residentName: '王阿姨' } })) })
    render(<StaffFilePage />)
    await tap('为老服务')
    await tap('康乐社区')
    await tap('康乐小区 1号楼')
    await tap('101室')
    expect(await screen.findByText('康乐社区 康乐小区 1号楼 101室')).toBeInTheDocument()
    await typeInto('例如：3号楼王阿姨', '王阿姨')
    await typeInto('回访时打这个电话', '13900002222')
    await typeInto('是什么事、在哪个位置', '独居老人想要助餐')
    await tap('登记')
    expect(await screen.findByText('已经登记')).toBeInTheDocument()
    expect(inputsOf(calls, 'fileOnBehalf')).toEqual([
      {
        idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        category: 'elderly',
        text: '独居老人想要助餐',
        photos: [],
        place: { householdId: 'hh-kl-1-101' },
        resident: { name: '王阿姨', phone: '13900002222' },
      },
    ])
    await tap('看办理进度')
    expect(navigations).toEqual(['/pages-staff/request/index?id=rq-5'])
  })

  test('代办 with nothing filled in says beside each box what is missing, and each goes once it is filled', async () => {
    const calls = answer(directory)
    render(<StaffFilePage />)
    await tap('为老服务')
    await tap('登记')
    await waitFor(() => expect(errorBeside('在哪里')).toBe('请先选好是在哪里。'))
    expect(errorBeside('居民怎么称呼')).toBe('请填写居民的称呼。')
    expect(errorBeside('居民说的事')).toBe('请写一下遇到了什么事。')
    await typeInto('例如：3号楼王阿姨', '王阿姨')
    await waitFor(() => expect(errorBeside('居民怎么称呼')).toBeNull())
    await typeInto('是什么事、在哪个位置', '独居老人想要助餐')
    await waitFor(() => expect(fieldErrors()).toEqual(['请先选好是在哪里。']))
    expect(inputsOf(calls, 'fileOnBehalf')).toEqual([])
  })

  test('主动治理: no resident is asked for, and the filing goes out as proactive', async () => {
    routerParams.kind = 'proactive'
    const calls = answer({ ...directory, 'directory.communityMap': () => success(kangleMap()), 'requests.fileProactive': () => success(requestDetail({ filedBy: { kind: 'proactive', staffId: 'staff-zhou' } })) })
    render(<StaffFilePage />)
    expect(await screen.findByText('巡查发现（主动治理）')).toBeInTheDocument()
    await tap('安全隐患')
    await tap('在地图上选')
    const lamp = { lng: 121.4358, lat: 31.1886 }
    await tapMapAt(kangleMap(), lamp)
    await tap('就是这个位置')
    expect(screen.queryByText('居民怎么称呼')).not.toBeInTheDocument()
    await typeInto('是什么事、在哪个位置', '外墙瓷砖松动')
    await tap('登记')
    await screen.findByText('已经登记')
    expect(inputsOf(calls, 'fileProactive')).toEqual([expect.objectContaining({ category: 'hazard', place: { point: expect.any(Object) }, text: '外墙瓷砖松动' })])
    const [filed] = inputsOf(calls, 'fileProactive') as { place: { point: unknown } }[]
    expectNear(filed.place.point, lamp)
  })

  // Issue 9: a resident opening the 代办 form used to fill it all in before the server refused it.
  test.each([
    ['a resident', whoami({ roles: ['resident', 'verifiedResident'] })],
    ['a branch secretary', whoami({ roles: ['resident', 'branchSecretary'], scopes: { gridIds: [], communityIds: [], streetIds: [], branchIds: ['br-3'] } })],
  ])('%s who opens it is told at once that it is a staff page, and sees no form', async (_who, me) => {
    answer({ ...directory, 'directory.whoami': () => success(me) })
    render(<StaffFilePage />)
    expect(await screen.findByText('这里是工作人员的页面')).toBeInTheDocument()
    expect(screen.queryByText('代居民登记（代办）')).toBeNull()
    expect(screen.queryByText('安全隐患')).toBeNull()
    await tap('回到首页')
    expect(navigations).toEqual(['/pages/home/index'])
  })
})
