import { render, screen, waitFor } from '@testing-library/react'
import { BindingForm } from '@/features/bind/binding-form'
import { errorText } from '@/services/error-text'
import { failure, success } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { errorBeside, fieldErrors, tap, typeInto } from './support/fields'
import { scrolledTo } from './support/taro.mock'
import { bindingRequest } from './support/fixtures'
import { expectNear, kangleMap, tapMapAt } from './support/map'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const places = {
  'directory.listCommunities': () => success([{ id: 'comm-kangle', name: '康乐社区', type: '老公房' }, { id: 'comm-cuihu', name: '翠湖社区', type: '商品房' }]),
  'directory.listBuildings': () => success([{ id: 'bldg-kl-1', name: '1号楼', estate: '康乐小区', gridId: 'grid-kangle-1' }]),
  'directory.listHouseholds': () => success([{ id: 'hh-kl-1-101', room: '101室' }, { id: 'hh-kl-1-102', room: '102室' }]),
  'directory.nearbyBuildings': () => success([{ id: 'bldg-kl-1', name: '1号楼', estate: '康乐小区', communityId: 'comm-kangle', communityName: '康乐社区', distanceM: 42.4 }]),
  'directory.communityMap': () => success(kangleMap()),
}

async function walkToDetails() {
  await tap('康乐社区')
  await tap('康乐小区 1号楼')
  await tap('102室')
  await screen.findByText('最后一步：留下您的姓名')
}

describe('binding my household', () => {
  test('walks community → building → room and submits who is asking', async () => {
    const done = jest.fn()
    const calls = answer({ ...places, 'directory.requestBinding': () => success(bindingRequest()) })
    render(<BindingForm onDone={done} />)
    await walkToDetails()
    expect(inputsOf(calls, 'listBuildings')).toEqual([{ communityId: 'comm-kangle' }])
    expect(inputsOf(calls, 'listHouseholds')).toEqual([{ buildingId: 'bldg-kl-1' }])
    expect(screen.getByText('已选：康乐社区 › 康乐小区 1号楼 › 102室')).toBeInTheDocument()

    await typeInto('请填写真实姓名', ' 王秀英 ')
    await typeInto('方便居委会联系您', '13800001111')
    // Owner or not is asked, never assumed: only owners vote where 业主 decide together (民法典 art. 278).
    await tap('提交绑定申请')
    await waitFor(() => expect(errorBeside('您和这一户的关系')).toBe('请选一下您是不是这一户的业主。'))
    expect(inputsOf(calls, 'requestBinding')).toEqual([])
    await tap('我是业主（房产证上有我的名字）')
    await tap('提交绑定申请')

    await screen.findByText('提交绑定申请')
    expect(inputsOf(calls, 'requestBinding')).toEqual([{ householdId: 'hh-kl-1-102', name: '王秀英', phone: '13800001111', tenure: 'owner' }])
    expect(done).toHaveBeenCalledWith(bindingRequest())
  })

  test('leaves the phone out when none is given, and asks again for a mistyped one', async () => {
    const calls = answer({ ...places, 'directory.requestBinding': () => success(bindingRequest()) })
    render(<BindingForm onDone={jest.fn()} />)
    await walkToDetails()
    await typeInto('请填写真实姓名', '王秀英')
    await typeInto('方便居委会联系您', '1380000')
    await tap('我是租户或同住的家人')
    await tap('提交绑定申请')
    await waitFor(() => expect(errorBeside('手机号（可不填）')).toBe('手机号应是 11 位数字，可以不填。'))
    expect(inputsOf(calls, 'requestBinding')).toEqual([])

    await typeInto('方便居委会联系您', '')
    await tap('提交绑定申请')
    await screen.findByText('提交绑定申请')
    expect(inputsOf(calls, 'requestBinding')).toEqual([{ householdId: 'hh-kl-1-102', name: '王秀英', tenure: 'occupant' }])
  })

  test('every mistake shows beside its own box at once, and each goes the moment it is put right', async () => {
    const calls = answer({ ...places, 'directory.requestBinding': () => success(bindingRequest()) })
    render(<BindingForm onDone={jest.fn()} />)
    await walkToDetails()
    await typeInto('方便居委会联系您', '1380000')
    await tap('提交绑定申请')
    await waitFor(() => expect(fieldErrors()).toHaveLength(3))
    expect(errorBeside('您的姓名')).toBe('请填写您的姓名。')
    expect(errorBeside('手机号（可不填）')).toBe('手机号应是 11 位数字，可以不填。')
    expect(errorBeside('您和这一户的关系')).toBe('请选一下您是不是这一户的业主。')
    expect(screen.queryByText('请填写您的姓名。', { selector: '.form__error *' })).toBeNull()
    expect(scrolledTo).toEqual([`#${screen.getByText('您的姓名').closest('[id]')?.id}`])

    await typeInto('方便居委会联系您', '13800001111')
    await waitFor(() => expect(errorBeside('手机号（可不填）')).toBeNull())
    await typeInto('请填写真实姓名', '王秀英')
    await waitFor(() => expect(errorBeside('您的姓名')).toBeNull())
    await tap('我是业主（房产证上有我的名字）')
    await waitFor(() => expect(fieldErrors()).toEqual([]))
    expect(inputsOf(calls, 'requestBinding')).toEqual([])
  })

  test('a refusal that names a field shows beside that field until it is changed', async () => {
    let answers = 0
    answer({
      ...places,
      'directory.requestBinding': () =>
        ++answers === 1 ? failure('CONTENT_BLOCKED', '姓名里有不宜发布的内容，请修改后再提交', ['name']) : failure('INVALID_INPUT', 'phone: Invalid'),
    })
    render(<BindingForm onDone={jest.fn()} />)
    await walkToDetails()
    await typeInto('请填写真实姓名', '王秀英')
    await typeInto('方便居委会联系您', '13800001111')
    await tap('我是业主（房产证上有我的名字）')
    await tap('提交绑定申请')
    await waitFor(() => expect(errorBeside('您的姓名')).toBe(errorText.CONTENT_BLOCKED))
    await typeInto('请填写真实姓名', '王秀珍')
    await waitFor(() => expect(errorBeside('您的姓名')).toBeNull())

    // The schema's own words are not for residents: the field is named, the words are the app's.
    await tap('提交绑定申请')
    await waitFor(() => expect(errorBeside('手机号（可不填）')).toBe(errorText.INVALID_INPUT))
    expect(fieldErrors()).toEqual([errorText.INVALID_INPUT])
  })

  test('tells the resident in plain words when a request is already waiting', async () => {
    const done = jest.fn()
    answer({ ...places, 'directory.requestBinding': () => failure('DUPLICATE', 'pending request exists') })
    render(<BindingForm onDone={done} />)
    await walkToDetails()
    await typeInto('请填写真实姓名', '王秀英')
    await tap('我是业主（房产证上有我的名字）')
    await tap('提交绑定申请')
    expect(await screen.findByRole('alert')).toHaveTextContent(errorText.DUPLICATE)
    expect(done).not.toHaveBeenCalled()
  })

  test('finds the building from a point tapped on the community map, nearest first', async () => {
    const calls = answer({ ...places, 'directory.requestBinding': () => success(bindingRequest()) })
    render(<BindingForm onDone={jest.fn()} />)
    await tap('在地图上找')
    const nearOne = { lng: 121.4338, lat: 31.1853 }
    await tapMapAt(kangleMap(), nearOne)
    await tap('找这个位置附近的楼')
    expect(await screen.findByText('康乐社区 · 约42米')).toBeInTheDocument()
    const [asked] = inputsOf(calls, 'nearbyBuildings') as { point: unknown }[]
    expectNear(asked.point, nearOne)
    // The chosen point stays in sight on the drawing, with a way to choose again.
    expect(screen.getByTestId('chosen-point')).toBeInTheDocument()
    expect(screen.getByText('重新选位置')).toBeInTheDocument()
    await tap('康乐小区 1号楼')
    await tap('101室')
    expect(await screen.findByText('已选：康乐小区 1号楼 › 101室')).toBeInTheDocument()
  })

  test('nothing is searched until a point is tapped; a wrong tap is moved by tapping again', async () => {
    const calls = answer(places)
    render(<BindingForm onDone={jest.fn()} />)
    await tap('在地图上找')
    await screen.findByRole('img', { name: /康乐社区的地图/ })
    expect(screen.queryByText('找这个位置附近的楼')).toBeNull()
    await tapMapAt(kangleMap(), { lng: 121.4334, lat: 31.1851 })
    expect(await screen.findByText(/^您点的位置：在康乐社区康乐一网格，离康乐小区1号楼约\d米$/)).toBeInTheDocument()
    await tapMapAt(kangleMap(), { lng: 121.4393, lat: 31.2047 })
    expect(await screen.findByText(/^您点的位置：在康乐社区康乐二网格，离康乐小区10号楼约\d米$/)).toBeInTheDocument()
    expect(inputsOf(calls, 'nearbyBuildings')).toEqual([])
  })

  test('the buildings list is searchable and in natural order', async () => {
    answer({
      ...places,
      'directory.listBuildings': () =>
        success(['1号楼', '2号楼', '3号楼', '4号楼', '5号楼', '6号楼', '7号楼', '8号楼', '9号楼', '10号楼'].map((name, i) => ({ id: `b${i + 1}`, name, estate: '康乐小区', gridId: 'g' }))),
    })
    render(<BindingForm onDone={jest.fn()} />)
    await tap('康乐社区')
    await screen.findByText('康乐小区 10号楼')
    const titles = () => Array.from(document.querySelectorAll('.choice__title')).map((e) => e.textContent)
    expect(titles().slice(0, 3)).toEqual(['康乐小区 1号楼', '康乐小区 2号楼', '康乐小区 3号楼'])
    expect(titles().at(-1)).toBe('康乐小区 10号楼')
    await typeInto('输入名称或号码，例如 3号楼', '1')
    expect(titles()).toEqual(['康乐小区 1号楼', '康乐小区 10号楼'])
    await typeInto('输入名称或号码，例如 3号楼', '12号')
    expect(await screen.findByText('没有找到“12号”，换个写法试试，或清空搜索看全部。')).toBeInTheDocument()
  })
})
