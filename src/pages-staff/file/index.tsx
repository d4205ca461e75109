import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PageShell } from '@/components/page-shell'
import { Notice } from '@/components/status-views'
import { CategoryStep } from '@/features/requests/category-step'
import { FiledAnswer } from '@/features/requests/filed-answer'
import { categoryLabels, type Category, type RequestDetail } from '@/types'
import { StaffFilingForm, type StaffFilingKind } from '../components/staff-filing-form'
import { StaffGate, useTerritoryAccess } from '../components/staff-gate'

type Step = { at: 'category' } | { at: 'form'; category: Category } | { at: 'filed'; request: RequestDetail }

const intro: Record<StaffFilingKind, { title: string; text: string }> = {
  onBehalf: { title: '代居民登记（代办）', text: '居民不方便用手机时，由您替他登记。办好后按居民留的电话回访。' },
  proactive: { title: '巡查发现（主动治理）', text: '走访巡查时发现的问题，不等居民反映，先登记先办。' },
}

export default function StaffFilePage() {
  const kind: StaffFilingKind = useRouter().params.kind === 'proactive' ? 'proactive' : 'onBehalf'
  const [step, setStep] = useState<Step>({ at: 'category' })
  const access = useTerritoryAccess()
  // Said before the form is shown: a resident who opened it is not left to fill it in for nothing.
  if (access.state !== 'ready' || !access.data) {
    return (
      <PageShell>
        <StaffGate access={access} />
      </PageShell>
    )
  }
  return (
    <PageShell>
      {step.at !== 'filed' && (
        <Notice tone="info" title={intro[kind].title}>
          <Text>{intro[kind].text}</Text>
        </Notice>
      )}
      {step.at === 'category' && <CategoryStep onPick={(category) => setStep({ at: 'form', category })} />}
      {step.at === 'form' && (
        <>
          <View className="trail">
            <Text className="step-question">{`“${categoryLabels[step.category]}”`}</Text>
            <ActionButton small onClick={() => setStep({ at: 'category' })}>
              换一类
            </ActionButton>
          </View>
          <StaffFilingForm kind={kind} category={step.category} onFiled={(request) => setStep({ at: 'filed', request })} />
        </>
      )}
      {step.at === 'filed' && <FiledAnswer request={step.request} detailUrl="/pages-staff/request/index" forStaff />}
    </PageShell>
  )
}
