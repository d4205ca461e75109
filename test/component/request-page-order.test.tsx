import { render, screen } from '@testing-library/react'
import { CallButton as WeappCallButton } from '@/components/call-button.weapp'
import RequestPage from '@/pages/request/index'
import StaffRequestPage from '@/pages-staff/request/index'
import { success } from '@/types'
import { answer } from './support/fake-call'
import { tap } from './support/fields'
import { at, requestDetail } from './support/request-fixtures'
import { navigations, routerParams } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

/** Each text's first element, and whether they stand on the page in the order given. */
function inPageOrder(texts: (string | RegExp)[]): boolean {
  const nodes = texts.map((text) => screen.getAllByText(text)[0])
  return nodes.every((node, i) => i === 0 || nodes[i - 1].compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)
}

const replied = requestDetail({
  status: 'replied',
  owner: { id: 'staff-zhou', name: '网格员周丽', workPhone: '021-64010011' },
  reply: { text: '电梯已经修好，维保公司换了控制板', photos: [], at: at + 3_600_000, by: 'staff-zhou' },
  due: { stage: 'rate', dueAt: at + 7 * 24 * 3_600_000, urgency: 'onTime' },
  availableActions: ['rate', 'reopen', 'withdraw'],
})

describe('issue 9: a request’s page in the order each side looks for things', () => {
  beforeEach(() => {
    routerParams.id = 'rq-1'
  })

  test('the resident: status and owner, the result and right under it the rating, what they asked, the story, and 撤回 last', async () => {
    answer({ 'requests.detail': () => success(replied) })
    render(<RequestPage />)
    await screen.findByText('物业服务 · 已答复，等待评价')
    expect(
      inPageOrder(['物业服务 · 已答复，等待评价', '网格员周丽', /^办理结果/, '电梯已经修好，维保公司换了控制板', '请评价这次办理', '3号楼电梯停了两天', '办理经过', '撤回这件事…']),
    ).toBe(true)
  })

  test('the resident calls the owner’s work phone: a tel: link in H5', async () => {
    answer({ 'requests.detail': () => success(replied) })
    render(<RequestPage />)
    const link = await screen.findByRole('link', { name: '给网格员周丽打电话 021-64010011' })
    expect(link).toHaveAttribute('href', 'tel:021-64010011')
    expect(inPageOrder(['网格员周丽', '给网格员周丽打电话', '021-64010011', /^办理结果/])).toBe(true)
  })

  test('no work phone in the answer (staff, or a closed request), no call button', async () => {
    answer({ 'requests.detail': () => success(requestDetail({ status: 'closed', due: null })) })
    render(<RequestPage />)
    await screen.findByText('物业服务 · 已办结')
    expect(screen.queryByText(/打电话/)).toBeNull()
  })

  test('the handler: status, what was asked with the resident’s phone to ring, then what to do now, the result, the story', async () => {
    answer({
      'requests.detail': () =>
        success(requestDetail({ status: 'accepted', contact: { phone: '13912345678', room: '101', masked: false }, availableActions: ['reply', 'note'] })),
    })
    render(<StaffRequestPage />)
    const call = await screen.findByRole('link', { name: '给居民打电话 13912345678' })
    expect(call).toHaveAttribute('href', 'tel:13912345678')
    expect(inPageOrder(['物业服务 · 已接单', '3号楼电梯停了两天', '给居民打电话', '现在可以做', '办理经过'])).toBe(true)
  })

  test('a masked phone is no number to ring: no call button on the handler’s page', async () => {
    answer({ 'requests.detail': () => success(requestDetail({ contact: { phone: '139****5678', masked: true } })) })
    render(<StaffRequestPage />)
    await screen.findByText('物业服务 · 等待接单')
    expect(screen.queryByText(/给居民打电话/)).toBeNull()
  })

  test('the resident’s own phone on their page is not offered to them as a call', async () => {
    answer({ 'requests.detail': () => success(requestDetail({ contact: { phone: '13912345678', masked: false } })) })
    render(<RequestPage />)
    await screen.findByText('物业服务 · 等待接单')
    expect(screen.queryByText(/给居民打电话/)).toBeNull()
  })
})

test('the mini-program’s call button opens WeChat’s dialer with the number (makePhoneCall)', async () => {
  render(<WeappCallButton phone="021-64010011" label="给网格员周丽打电话" />)
  await tap('给网格员周丽打电话')
  expect(screen.getByText('021-64010011')).toBeInTheDocument()
  expect(navigations).toEqual(['tel:021-64010011'])
})
