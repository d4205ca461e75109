import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { BigEntry } from '@/components/big-entry'
import { PageShell } from '@/components/page-shell'
import { Failed, Loading, Notice } from '@/components/status-views'
import { CategoryStep } from '@/features/requests/category-step'
import { EmergencyNotice } from '@/features/requests/emergency-notice'
import { FiledAnswer } from '@/features/requests/filed-answer'
import { FilingForm } from '@/features/requests/filing-form'
import { useWhoamiOnShow } from '@/hooks/use-whoami-on-show'
import { useSubscriptions } from '@/services/subscribe'
import { categoryLabels, type Category, type RequestDetail } from '@/types'

type Step = { at: 'category' } | { at: 'form'; category: Category } | { at: 'filed'; request: RequestDetail } | { at: 'followed' }

const go = (url: string) => () => void Taro.navigateTo({ url })

export default function HelpPage() {
  // The templates the submit tap will ask for, known before the tap.
  useSubscriptions()
  const [step, setStep] = useState<Step>({ at: 'category' })
  const me = useWhoamiOnShow(step.at === 'category')

  return (
    <PageShell>
      {step.at !== 'filed' && step.at !== 'followed' && <EmergencyNotice />}
      {me.state === 'loading' && <Loading />}
      {me.state === 'failed' && <Failed code={me.code} onRetry={me.reload} />}
      {me.state === 'ready' && step.at === 'category' && (
        <>
          {!me.data.household && (
            <Notice tone="info" title="还没有绑定您家">
              <Text>不绑定也能提交，在地图上选位置就行；绑定后，您家的事会直接交给您家所在网格。</Text>
            </Notice>
          )}
          <CategoryStep onPick={(category) => setStep({ at: 'form', category })} />
          <BigEntry title="我提交过的事" note="看办理进度、评价" onClick={go('/pages/requests/index')} />
          {!me.data.household && <BigEntry title="绑定我家" onClick={go('/pages-resident/bind/index')} />}
        </>
      )}
      {me.state === 'ready' && step.at === 'form' && (
        <>
          <View className="trail">
            <Text className="step-question">{`“${categoryLabels[step.category]}”的事，请告诉我们`}</Text>
            <ActionButton small onClick={() => setStep({ at: 'category' })}>
              换一类
            </ActionButton>
          </View>
          <FilingForm
            category={step.category}
            household={me.data.household}
            onFiled={(request) => setStep({ at: 'filed', request })}
            onFollowed={() => setStep({ at: 'followed' })}
          />
        </>
      )}
      {step.at === 'filed' && <FiledAnswer request={step.request} detailUrl="/pages/request/index" />}
      {step.at === 'followed' && (
        <>
          <Notice tone="ok" title="已经记下，您也遇到了这件事">
            <Text>工作人员会一起处理，办理有进展会在“消息”里告诉您。</Text>
          </Notice>
          <BigEntry title="回到首页" onClick={() => void Taro.switchTab({ url: '/pages/home/index' })} />
        </>
      )}
    </PageShell>
  )
}
