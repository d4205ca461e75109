import { Text, View } from '@tarojs/components'
import { ActionButton } from './action-button'
import type { Option } from './pick-one'

/** A row of buttons switching what the page below shows; the chosen one is filled. */
export function Tabs<T extends string>({ tabs, value, onChange, label, className = 'tabs' }: {
  /** `count`, when given, follows the title in its own element (待接单 3): how much waits behind the tab. */
  tabs: readonly (Option<T> & { count?: number })[]
  value: T
  onChange: (id: T) => void
  label?: string
  className?: string
}) {
  return (
    <View className={className} role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <ActionButton key={tab.id} small tone={tab.id === value ? 'primary' : 'plain'} onClick={() => onChange(tab.id)}>
          {tab.count === undefined ? (
            tab.title
          ) : (
            <>
              <Text>{tab.title}</Text>
              <Text className="tabs__count">{tab.count}</Text>
            </>
          )}
        </ActionButton>
      ))}
    </View>
  )
}
