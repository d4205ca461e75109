import { startOfShanghaiMonth } from '@/types/calendar'

export type Month = 'this' | 'last'

export const months: { id: Month; title: string }[] = [
  { id: 'this', title: '本月' },
  { id: 'last', title: '上个月' },
]

/** A Beijing calendar month as a period [from, to): this month so far counts to its end, which has not come. */
export function monthPeriod(month: Month, now: number): { from: number; to: number } {
  const thisMonth = startOfShanghaiMonth(now)
  if (month === 'last') return { from: startOfShanghaiMonth(thisMonth - 1), to: thisMonth }
  // 32 days on from the 1st always lands in the next month, whose start ends this one.
  return { from: thisMonth, to: startOfShanghaiMonth(thisMonth + 32 * 24 * 3_600_000) }
}
