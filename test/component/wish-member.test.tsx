import { render, screen } from '@testing-library/react'
import MemberWishesPage from '@/pages-wish/member/index'
import { failure, success } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { tap } from './support/fields'
import { navigations } from './support/taro.mock'
import { at, DAY, wishItem } from './support/wish-fixtures'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const record = {
  record: { memberId: 'openid-member', name: '刘建国', realised: 4, lapses: 1, liveClaims: 2 },
  lines: [
    { wishId: 'w-5', summary: '帮独居老人买药', amount: 1, reason: '居民确认心愿已实现', at: at - 2 * DAY },
    { wishId: 'w-4', summary: null, amount: -1, reason: '冲销：核实发现没有办成', at: at - 5 * DAY },
  ],
}

describe('认领微心愿: a party member’s page', () => {
  test('本支部心愿 lists my branch’s wishes, nearest first as the server ranks them, each opening its page', async () => {
    const calls = answer({
      'wishes.listForMe': () =>
        success({ items: [wishItem({ near: 'building' }), wishItem({ _id: 'w-2', near: 'community', audience: 'community', summary: '孩子需要一个书包', category: 'study' })], nextCursor: null }),
    })
    render(<MemberWishesPage />)
    expect(await screen.findByText('独居老人需要有人帮忙买降压药')).toBeInTheDocument()
    expect(screen.getByText('同一楼栋')).toBeInTheDocument()
    expect(screen.getByText('本社区 · 已扩大到社区大党委')).toBeInTheDocument()
    const titles = Array.from(document.querySelectorAll('.wish-card .card__title')).map((title) => title.textContent)
    expect(titles).toEqual(['助老助残', '助学'])
    expect(inputsOf(calls, 'listForMe')).toEqual([{ limit: 20 }])
    await tap('孩子需要一个书包')
    expect(navigations).toEqual(['/pages-wish/detail/index?id=w-2'])
  })

  test('我的认领 shows what I hold and by when it is due; 服务记录 what I made real, what ran out and the ledger', async () => {
    const calls = answer({
      'wishes.listForMe': () => success({ items: [], nextCursor: null }),
      'wishes.myClaims': () => success({ items: [wishItem({ status: 'claimed', claimed: true, lockUntil: at + 5 * DAY })], nextCursor: null }),
      'wishes.myRecord': () => success(record),
    })
    render(<MemberWishesPage />)
    expect(await screen.findByText('现在没有等待认领的心愿。')).toBeInTheDocument()
    await tap('我的认领')
    expect(await screen.findByText('3月8日 09:00 前完成')).toBeInTheDocument()
    expect(screen.getByText('党员已认领')).toBeInTheDocument()
    await tap('服务记录')
    expect(await screen.findByText('4 个心愿')).toBeInTheDocument()
    expect(screen.getByText('2 个（最多 3 个）')).toBeInTheDocument()
    expect(screen.getByText('1 次')).toBeInTheDocument()
    expect(screen.getByText('+1 · 居民确认心愿已实现 · 2025年3月1日')).toBeInTheDocument()
    expect(screen.getByText('-1 · 冲销：核实发现没有办成 · 2025年2月26日')).toBeInTheDocument()
    expect(inputsOf(calls, 'myClaims')).toEqual([{ limit: 20 }])
    expect(inputsOf(calls, 'myRecord')).toEqual([{}])
    await tap('帮独居老人买药')
    expect(navigations).toEqual(['/pages-wish/detail/index?id=w-5'])
  })

  test('someone who is not a verified member is told so plainly, with the way to 党员报到', async () => {
    answer({ 'wishes.listForMe': () => failure('FORBIDDEN', 'not a verified party member') })
    render(<MemberWishesPage />)
    expect(await screen.findByText('认领微心愿要先党员报到')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()
    await tap('党员报到')
    expect(navigations).toEqual(['/pages-resident/party/index'])
  })
})
