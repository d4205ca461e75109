import { View } from '@tarojs/components'
import { ActionButton } from './action-button'
import type { Option } from './pick-one'

/** A row of buttons switching what the page below shows; the chosen one is filled. */
export function Tabs<T extends string>({ tabs, value, onChange, label, className = 'tabs' }: {
  tabs: readonly Option<T>[]
  value: T
  onChange: (id: T) => void
  label?: string
  className?: string
}) {
  return (
    <View className={className} role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <ActionButton key={tab.id} small tone={tab.id === value ? 'primary' : 'plain'} onClick={() => onChange(tab.id)}>
          {tab.title}
        </ActionButton>
      ))}
    </View>
  )
}
