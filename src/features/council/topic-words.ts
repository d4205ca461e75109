import type { TopicDetail, TopicStatus, VotingUnit } from '@/types'
import { dateTimeLine } from '@/types/calendar'

/** What one vote stands for, in the counts a resident reads: 已投 37 / 共 120 户. */
export const unitNoun: Record<VotingUnit, string> = { person: '人', household: '户' }

/**
 * The statuses whose answer may carry a result (council-policy resultVisible): the page shows counts
 * only then, so a result that reached it during the window by a server's mistake still stays sealed.
 */
const decidedStatuses: ReadonlySet<TopicStatus> = new Set(['closed', 'following', 'done'])
export const isDecided = (status: TopicStatus): boolean => decidedStatuses.has(status)

/**
 * A window's end as a deadline is said (截至3月14日24时): the form closes voting when a Beijing day
 * ends, and "3月15日 00:00" reads as the next day to anyone who does not stop to think.
 */
export function deadlineLine(at: number): string {
  const line = dateTimeLine(at)
  return line.endsWith(' 00:00') ? `${dateTimeLine(at - 60_000).slice(0, -' 23:59'.length)} 24:00` : line
}

export const windowLine = (topic: Pick<TopicDetail, 'opensAt' | 'closesAt'>): string => `${dateTimeLine(topic.opensAt)} 到 ${deadlineLine(topic.closesAt)}`

/** What the status means now, in one sentence a resident can act on. */
export function topicMeaning(topic: Pick<TopicDetail, 'status' | 'opensAt' | 'closesAt'>): string {
  switch (topic.status) {
    case 'deliberating':
      return `大家正在讨论，${dateTimeLine(topic.opensAt)} 开始投票。`
    case 'voting':
      return `正在投票，${deadlineLine(topic.closesAt)} 截止。`
    case 'closed':
      return '投票已经结束，结果在下面。'
    case 'following':
      return '已经有了结果，正在落实，进展在下面。'
    case 'done':
      return '这件事已经办完了。'
    case 'cancelled':
      return '这个议题已经取消，不再投票。'
  }
}
