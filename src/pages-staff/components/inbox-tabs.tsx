import { Tabs } from '@/components/tabs'
import { inboxStateLabels } from '@/services/request-labels'
import type { InboxState } from '@/types'

/** A tab is a filter the server applies: a state of work, or everything already late. */
export type InboxTab = { state: InboxState } | { urgency: 'overdue' }

export const inboxTabs: { tab: InboxTab; title: string }[] = [
  { tab: { urgency: 'overdue' }, title: '已超时' },
  ...(['toAccept', 'inHand', 'awaitingRating', 'review', 'done'] as const).map((state) => ({ tab: { state }, title: inboxStateLabels[state] })),
]

export const tabKey = (tab: InboxTab) => ('state' in tab ? tab.state : tab.urgency)

export function InboxTabs({ value, onChange }: { value: InboxTab; onChange: (tab: InboxTab) => void }) {
  return (
    <Tabs
      tabs={inboxTabs.map(({ tab, title }) => ({ id: tabKey(tab), title }))}
      value={tabKey(value)}
      onChange={(key) => onChange(inboxTabs.find(({ tab }) => tabKey(tab) === key)!.tab)}
    />
  )
}
