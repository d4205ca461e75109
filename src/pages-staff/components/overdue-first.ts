import type { Paged } from '@/hooks/use-paged'
import type { RequestSummary, Urgency } from '@/types'

const rank: Record<Urgency | 'none', number> = { overdue: 0, dueSoon: 1, onTime: 2, none: 3 }

/**
 * Late work on top, as the server classified it (due.urgency); within a group the server's own
 * order (by due time) is kept, so pages loaded later never reshuffle what is above them.
 */
export function overdueFirst(paged: Paged<RequestSummary>): Paged<RequestSummary> {
  if (paged.state !== 'ready') return paged
  const keyed = paged.items.map((item, index) => ({ item, index, rank: rank[item.due?.urgency ?? 'none'] }))
  keyed.sort((a, b) => a.rank - b.rank || a.index - b.index)
  return { ...paged, items: keyed.map(({ item }) => item) }
}
