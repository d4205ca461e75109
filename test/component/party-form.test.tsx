import { render, screen, waitFor } from '@testing-library/react'
import { PartyForm } from '@/features/party/party-form'
import { success } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { errorBeside, fieldErrors, tap, typeInto } from './support/fields'
import { registration } from './support/fixtures'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const branches = () =>
  success([
    { id: 'branch-kangle', name: '康乐社区大党委', level: 'community', parentId: 'branch-street' },
    { id: 'branch-grid-kangle-1', name: '康乐一网格党支部', level: 'grid', parentId: 'branch-kangle' },
  ])

describe('registering as a party member', () => {
  test('a serving member (双报到) names their workplace', async () => {
    const done = jest.fn()
    const calls = answer({ 'directory.listBranches': branches, 'directory.registerParty': () => success(registration()) })
    render(<PartyForm onDone={done} />)
    expect(await screen.findByText('网格党支部')).toBeInTheDocument()
    await tap('康乐一网格党支部')
    await tap('我是在职党员（双报到）')
    await tap('提交报到')
    await waitFor(() => expect(errorBeside('您的姓名')).toBe('请填写您的姓名。'))
    expect(errorBeside('工作单位')).toBe('请填写您的工作单位。')
    await typeInto('请填写真实姓名', '李建国')
    await waitFor(() => expect(fieldErrors()).toEqual(['请填写您的工作单位。']))
    expect(inputsOf(calls, 'registerParty')).toEqual([])

    await typeInto('您的组织关系所在单位', '徐汇区第一人民医院')
    await tap('提交报到')
    await screen.findByText('提交报到')
    expect(inputsOf(calls, 'registerParty')).toEqual([{ branchId: 'branch-grid-kangle-1', name: '李建国', workplace: '徐汇区第一人民医院' }])
    expect(done).toHaveBeenCalledWith(registration())
  })

  test('a community member sends no workplace, even one typed and then unticked', async () => {
    const calls = answer({ 'directory.listBranches': branches, 'directory.registerParty': () => success(registration()) })
    render(<PartyForm onDone={jest.fn()} />)
    await tap('康乐社区大党委')
    await typeInto('请填写真实姓名', '李建国')
    await tap('我是在职党员（双报到）')
    await typeInto('您的组织关系所在单位', '某单位')
    await tap('我是在职党员（双报到）')
    await tap('提交报到')
    await screen.findByText('提交报到')
    expect(inputsOf(calls, 'registerParty')).toEqual([{ branchId: 'branch-kangle', name: '李建国' }])
  })
})
