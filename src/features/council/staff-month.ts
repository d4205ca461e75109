import { startOfNextShanghaiMonth, startOfShanghaiMonth } from '@/types/calendar'

export type Month = 'this' | 'last'

export const months: { id: Month; title: string }[] = [
  { id: 'this', title: '本月' },
  { id: 'last', title: '上个月' },
]

/** A Beijing calendar month as a period [from, to): this month counts to its end, which has not come. */
export function monthPeriod(month: Month, now: number): { from: number; to: number } {
  const thisMonth = startOfShanghaiMonth(now)
  if (month === 'last') return { from: startOfShanghaiMonth(thisMonth - 1), to: thisMonth }
  return { from: thisMonth, to: startOfNextShanghaiMonth(now) }
}
