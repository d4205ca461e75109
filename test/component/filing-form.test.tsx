import { act, render, screen, waitFor } from '@testing-library/react'
import HelpPage from '@/pages-resident/help/index'
import { errorText, failureText } from '@/services/error-text'
import { categoryGuidance, failure, rateLimited, success } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { errorBeside, fieldErrors, tap, typeInto } from './support/fields'
import { household, whoami } from './support/fixtures'
import { requestDetail } from './support/request-fixtures'
import { expectNear, kangleMap, tapMapAt } from './support/map'
import { navigations, pickedPhotos, scrolledTo } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))
// The storage port below `call`: in the browser it posts to the local host, in WeChat to CloudBase.
jest.mock('@/services/upload-photo', () => ({
  uploadPhoto: jest.fn(async (path: string) => `cloud://jucun-test.6a75-jucun-test-1300000000/requests/openid-resident/20250303/${path}`),
}))

const decision = {
  communityId: 'comm-kangle',
  gridId: 'grid-kangle-1',
  buildingId: 'bldg-kl-1',
  branchId: 'branch-grid-kangle-1',
  partyGroupId: null,
  handlerId: 'staff-zhou',
  handlerRole: 'gridWorker',
  locateRule: 'household',
  classifyRule: 'property→gridWorker',
  category: 'property',
  communityName: '康乐社区',
  gridName: '康乐一网格',
  branchName: '康乐一网格党支部',
  handlerName: '网格员周丽',
  respondBy: Date.UTC(2026, 2, 5, 6, 0), // 14:00 in Shanghai
  resolveBy: Date.UTC(2026, 2, 11, 16, 30), // 00:30 on the 12th in Shanghai, still the 11th in UTC
} as const

const bound = {
  'directory.whoami': () => success(whoami({ household })),
  'directory.route': () => success(decision),
  'requests.checkDuplicates': () => success({ items: [] }),
}

describe('有困难找居村: filing a request', () => {
  test('emergencies are pointed to their number at once, and each kind of problem says what it covers', async () => {
    answer(bound)
    render(<HelpPage />)
    expect(screen.getByText('紧急情况，请马上打电话')).toBeInTheDocument()
    await tap('拨打 110')
    await tap('拨打 120')
    expect(navigations).toEqual(['tel:110', 'tel:120'])
    expect(await screen.findByText(categoryGuidance.property)).toBeInTheDocument()
    expect(screen.getByText(categoryGuidance.elderly)).toBeInTheDocument()
    expect(screen.getByText(/消费纠纷：.*12315/)).toBeInTheDocument()
  })

  test('a bound resident sees who will own it, then files text, a photo and a phone from the household', async () => {
    const calls = answer({ ...bound, 'requests.file': () => success(requestDetail()) })
    render(<HelpPage />)
    await tap('物业服务')
    expect(await screen.findByText('这件事会交给康乐社区康乐一网格，由 网格员周丽 办理，会一直跟到办完。')).toBeInTheDocument()
    expect(screen.getByText('如果现在提交，最晚 3月5日 14:00 前答复，3月12日 00:30 前办好。')).toBeInTheDocument()
    expect(inputsOf(calls, 'route')).toEqual([{ category: 'property', target: { householdId: household.householdId } }])
    expect(inputsOf(calls, 'checkDuplicates')).toEqual([{ category: 'property', place: { householdId: household.householdId } }])

    await typeInto('说说是什么事、从什么时候开始的', ' 3号楼电梯停了两天 ')
    expect(screen.getByText('11/2000 字')).toBeInTheDocument()
    pickedPhotos.push('blob-1')
    // The picker and the upload answer after the tap: act lets both settle before looking.
    await act(() => tap('添加照片（最多 9 张）'))
    expect(await screen.findByText('再加照片（还能加 8 张）')).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByText('上传中…')).not.toBeInTheDocument())
    await typeInto('方便工作人员联系您', '13800001111')
    await tap('提交')

    expect(await screen.findByText('提交成功，我们收到了')).toBeInTheDocument()
    expect(screen.getByText('负责人：网格员周丽（康乐社区 康乐一网格）')).toBeInTheDocument()
    expect(screen.getByText('最晚 3月4日 09:00 前答复')).toBeInTheDocument()
    expect(inputsOf(calls, 'file')).toEqual([
      {
        idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        category: 'property',
        text: '3号楼电梯停了两天',
        photos: ['cloud://jucun-test.6a75-jucun-test-1300000000/requests/openid-resident/20250303/blob-1'],
        place: { householdId: household.householdId },
        contactPhone: '13800001111',
      },
    ])
    await tap('看办理进度')
    expect(navigations).toEqual(['/pages/request/index?id=rq-1'])
  })

  test('a retried submit sends the same idempotency key, so the server files it once', async () => {
    let attempts = 0
    const calls = answer({ ...bound, 'requests.file': () => (++attempts === 1 ? failure('INTERNAL', 'timeout') : success(requestDetail())) })
    render(<HelpPage />)
    await tap('环境卫生')
    await typeInto('说说是什么事、从什么时候开始的', '垃圾三天没人清')
    await tap('提交')
    expect(await screen.findByRole('alert')).toHaveTextContent(errorText.INTERNAL)
    await tap('提交')
    expect(await screen.findByText('提交成功，我们收到了')).toBeInTheDocument()
    const [first, second] = inputsOf(calls, 'file') as { idempotencyKey: string }[]
    expect(second.idempotencyKey).toBe(first.idempotencyKey)
  })

  test('too many filings in an hour: the form says from when it goes through again, and keeps what was typed', async () => {
    const retryAt = Date.now() + 20 * 60_000
    answer({ ...bound, 'requests.file': () => rateLimited(retryAt, 'file: 太频繁了') })
    render(<HelpPage />)
    await tap('环境卫生')
    await typeInto('说说是什么事、从什么时候开始的', '垃圾三天没人清')
    await tap('提交')
    const said = failureText({ code: 'RATE_LIMITED', retryAt: new Date(retryAt).toISOString() })
    expect(said).toMatch(/请 \d\d:\d\d 以后再试。|请明天再试。/)
    expect(await screen.findByRole('alert')).toHaveTextContent(said)
    expect(screen.getByDisplayValue('垃圾三天没人清')).toBeInTheDocument()
  })

  test('a neighbour’s open request of the same kind nearby is offered for +1 instead of filing again', async () => {
    // Coarse on purpose (issue 10, 4): the same building or nearby, days ago; no distance, no place.
    const sameBuilding = { _id: 'rq-9', category: 'property', status: 'accepted', nearness: 'sameBuilding', filedDaysAgo: 3, followers: 2, following: false } as const
    const nearby = { _id: 'rq-8', category: 'property', status: 'inProgress', nearness: 'nearby', filedDaysAgo: 0, followers: 0, following: true } as const
    const calls = answer({
      ...bound,
      'requests.checkDuplicates': () => success({ items: [sameBuilding, nearby] }),
      'requests.follow': () => success({ requestId: 'rq-9', followers: 3, following: true }),
    })
    render(<HelpPage />)
    await tap('物业服务')
    expect(await screen.findByText('附近已经有人反映过同类的事')).toBeInTheDocument()
    expect(screen.getByText('就在您这栋楼')).toBeInTheDocument()
    expect(screen.getByText('3 天前提交 · 已接单 · 2 位邻居也遇到了')).toBeInTheDocument()
    expect(screen.getByText('在您附近')).toBeInTheDocument()
    expect(screen.getByText('今天提交 · 正在办理')).toBeInTheDocument()
    expect(screen.queryByText(/米/)).toBeNull()
    await tap('我也遇到了（+1）')
    expect(await screen.findByText('已经记下，您也遇到了这件事')).toBeInTheDocument()
    expect(inputsOf(calls, 'follow')).toEqual([{ requestId: 'rq-9' }])
    expect(inputsOf(calls, 'file')).toEqual([])
  })

  test('nothing is sent without words, or with a mistyped phone', async () => {
    const calls = answer(bound)
    render(<HelpPage />)
    await tap('公共设施')
    await typeInto('方便工作人员联系您', '1380000')
    await tap('提交')
    // Both at once, each beside its own box, and the first brought into view.
    await waitFor(() => expect(errorBeside('遇到了什么事')).toBe('请写一下遇到了什么事。'))
    expect(errorBeside('联系电话（可不填）')).toBe('手机号应是 11 位数字，可以不填。')
    expect(scrolledTo).toEqual([`#${screen.getByText('遇到了什么事').closest('[id]')?.id}`])
    await typeInto('说说是什么事、从什么时候开始的', '路灯不亮')
    await waitFor(() => expect(errorBeside('遇到了什么事')).toBeNull())
    await typeInto('方便工作人员联系您', '13800001111')
    await waitFor(() => expect(fieldErrors()).toEqual([]))
    await typeInto('方便工作人员联系您', '1380000')
    await tap('提交')
    await waitFor(() => expect(fieldErrors()).toEqual(['手机号应是 11 位数字，可以不填。']))
    expect(inputsOf(calls, 'file')).toEqual([])
  })

  test('a resident without a household files at a point tapped on the community map, no coordinates typed', async () => {
    const map = kangleMap()
    const calls = answer({
      ...bound,
      'directory.whoami': () => success(whoami()),
      'directory.communityMap': () => success(map),
      'requests.file': () => success(requestDetail({ owner: null, gridName: null, due: null })),
    })
    render(<HelpPage />)
    expect(await screen.findByText('还没有绑定您家')).toBeInTheDocument()
    await tap('安全隐患')
    expect(document.querySelector('input[placeholder="例如 121.43"]')).toBeNull()
    const beside3 = { lng: 121.4362, lat: 31.1884 }
    await tapMapAt(map, beside3)
    expect(await screen.findByText('您点的位置：在康乐社区康乐一网格，离康乐小区3号楼约43米')).toBeInTheDocument()
    expect(screen.getByTestId('chosen-point')).toBeInTheDocument()
    await tap('就是这个位置')
    expect(await screen.findByText('地图上选的位置：在康乐社区康乐一网格，离康乐小区3号楼约43米')).toBeInTheDocument()
    await typeInto('说说是什么事、从什么时候开始的', '消防通道被堵')
    await tap('提交')
    expect(await screen.findByText('由康乐社区的工作人员统一安排')).toBeInTheDocument()
    const [route] = inputsOf(calls, 'route') as { target: { point: unknown } }[]
    expectNear(route.target.point, beside3)
    const [filed] = inputsOf(calls, 'file') as { place: { point: unknown } }[]
    expectNear(filed.place.point, beside3)
    // The map is the caller's own community's unless asked otherwise; the chosen point's drawing is of its community.
    expect(inputsOf(calls, 'communityMap')).toEqual([{}, { near: expect.objectContaining({ lng: expect.any(Number) }) }])
  })

  test('a point outside the community is not offered again: the way on is choosing another place, on the map or by building', async () => {
    const map = kangleMap()
    const calls = answer({
      ...bound,
      'directory.whoami': () => success(whoami()),
      'directory.communityMap': () => success(map),
      'directory.route': () => failure('OUT_OF_AREA', 'outside'),
    })
    render(<HelpPage />)
    await tap('安全隐患')
    await tapMapAt(map, { lng: 121.4322, lat: 31.2075 })
    await tap('就是这个位置')
    expect(await screen.findByText('这个位置不在我们服务的社区里')).toBeInTheDocument()
    expect(screen.queryByText('再试一次')).toBeNull()
    await tap('重新选位置')
    await tap('在图上找不到？按楼栋名称找')
    await typeInto('输入名称或号码，例如 3号楼', '10号')
    expect(screen.queryByText('康乐小区 1号楼')).toBeNull()
    await tap('康乐小区 10号楼')
    expect(await screen.findByText('地图上选的位置：康乐社区康乐小区10号楼旁')).toBeInTheDocument()
    expect(inputsOf(calls, 'route').at(-1)).toEqual({ category: 'hazard', target: { point: { lng: 121.4393, lat: 31.2047 } } })
  })
})
