import Taro, { useDidShow } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { useState } from 'react'
import { BigEntry } from '@/components/big-entry'
import { ChoiceList } from '@/components/choice-list'
import { PageShell } from '@/components/page-shell'
import { Failed, Loading, Notice } from '@/components/status-views'
import { WhoHelps } from '@/features/help/who-helps'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import { Category, categoryLabels } from '@/types'

const choices = Category.options.map((category) => ({ id: category, title: categoryLabels[category] }))

export default function HelpPage() {
  const me = useResult(() => call('directory', 'whoami', {}), null)
  useDidShow(() => me.reload())
  const [category, setCategory] = useState<Category | null>(null)

  if (me.state === 'loading') return <PageShell><Loading /></PageShell>
  if (me.state === 'failed') return <PageShell><Failed code={me.code} onRetry={me.reload} /></PageShell>
  const household = me.data.household
  return (
    <PageShell>
      {!household && (
        <>
          <Notice tone="warn" title="先绑定您家">
            <Text>绑定后，我们就知道您家归哪个网格，该请谁来帮您。</Text>
          </Notice>
          <BigEntry tone="brand" title="绑定我家" onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })} />
        </>
      )}
      {household && category && (
        <>
          <WhoHelps householdId={household.householdId} category={category} />
          <BigEntry title="换一类事情" onClick={() => setCategory(null)} />
        </>
      )}
      {household && !category && (
        <>
          <Text className="step-question">遇到的是哪一类事？</Text>
          <ChoiceList choices={choices} onPick={(choice) => setCategory(Category.parse(choice.id))} />
        </>
      )}
    </PageShell>
  )
}
