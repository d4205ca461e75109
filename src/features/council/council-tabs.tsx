import { Tabs } from '@/components/tabs'

export type CouncilTab = 'open' | 'decided' | 'gathering'

const tabs: { id: CouncilTab; title: string }[] = [
  { id: 'open', title: '正在议' },
  { id: 'decided', title: '已决定' },
  { id: 'gathering', title: '联署中' },
]

export function CouncilTabs({ value, onChange }: { value: CouncilTab; onChange: (tab: CouncilTab) => void }) {
  return (
    <Tabs tabs={tabs} value={value} onChange={onChange} />
  )
}
