import { View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'

export type MemberTab = 'forMe' | 'claims' | 'record'

const tabs: { id: MemberTab; title: string }[] = [
  { id: 'forMe', title: '本支部心愿' },
  { id: 'claims', title: '我的认领' },
  { id: 'record', title: '服务记录' },
]

export function MemberTabs({ value, onChange }: { value: MemberTab; onChange: (tab: MemberTab) => void }) {
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
