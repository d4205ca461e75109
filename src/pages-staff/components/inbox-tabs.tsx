import { View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
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
    <View className="tabs" role="tablist">
      {inboxTabs.map(({ tab, title }) => (
        <ActionButton key={tabKey(tab)} small tone={tabKey(tab) === tabKey(value) ? 'primary' : 'plain'} onClick={() => onChange(tab)}>
          {title}
        </ActionButton>
      ))}
    </View>
  )
}
