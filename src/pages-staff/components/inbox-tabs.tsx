import { Tabs } from '@/components/tabs'
import { inboxStateLabels } from '@/services/request-labels'
import type { InboxCounts, InboxState } from '@/types'

/** A tab is a filter the server applies: a state of work, or everything already late. */
export type InboxTab = { state: InboxState } | { urgency: 'overdue' }

export const inboxTabs: { tab: InboxTab; title: string }[] = [
  { tab: { urgency: 'overdue' }, title: '已超时' },
  ...(['toAccept', 'inHand', 'awaitingRating', 'review', 'done'] as const).map((state) => ({ tab: { state }, title: inboxStateLabels[state] })),
]

export const tabKey = (tab: InboxTab) => ('state' in tab ? tab.state : tab.urgency)

/** A tab's number as the server counted it; none for 已办结 (history) or a queue the caller does not review. */
function countOf(tab: InboxTab, counts: InboxCounts | null): number | undefined {
  if (!counts) return undefined
  if (!('state' in tab)) return counts.overdue
  if (tab.state === 'done') return undefined
  return counts[tab.state] ?? undefined
}

/** The review tab is offered only to reviewers: the counts say who they are (review is null for anyone else). */
export function InboxTabs({ value, onChange, counts }: { value: InboxTab; onChange: (tab: InboxTab) => void; counts: InboxCounts | null }) {
  const shown = inboxTabs.filter(({ tab }) => !('state' in tab && tab.state === 'review' && counts?.review === null))
  return (
    <Tabs
      label="按办理进度看"
      tabs={shown.map(({ tab, title }) => ({ id: tabKey(tab), title, count: countOf(tab, counts) }))}
      value={tabKey(value)}
      onChange={(key) => onChange(inboxTabs.find(({ tab }) => tabKey(tab) === key)!.tab)}
    />
  )
}
