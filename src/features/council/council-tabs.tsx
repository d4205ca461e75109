import { View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'

export type CouncilTab = 'open' | 'decided' | 'gathering'

const tabs: { id: CouncilTab; title: string }[] = [
  { id: 'open', title: '正在议' },
  { id: 'decided', title: '已决定' },
  { id: 'gathering', title: '联署中' },
]

export function CouncilTabs({ value, onChange }: { value: CouncilTab; onChange: (tab: CouncilTab) => void }) {
  return (
    <View className="tabs" role="tablist">
      {tabs.map((tab) => (
        <ActionButton key={tab.id} small tone={tab.id === value ? 'primary' : 'plain'} onClick={() => onChange(tab.id)}>
          {tab.title}
        </ActionButton>
      ))}
    </View>
  )
}
