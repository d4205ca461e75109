import { Tabs } from '@/components/tabs'

export type MemberTab = 'forMe' | 'claims' | 'record'

const tabs: { id: MemberTab; title: string }[] = [
  { id: 'forMe', title: '本支部心愿' },
  { id: 'claims', title: '我的认领' },
  { id: 'record', title: '服务记录' },
]

export function MemberTabs({ value, onChange }: { value: MemberTab; onChange: (tab: MemberTab) => void }) {
  return (
    <Tabs tabs={tabs} value={value} onChange={onChange} />
  )
}
