import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { BigEntry } from '@/components/big-entry'
import { PageShell } from '@/components/page-shell'
import { Failed, Loading, Notice } from '@/components/status-views'
import { WishCategoryStep } from '@/features/wishes/wish-category-step'
import { WishPostForm } from '@/features/wishes/wish-post-form'
import { WishPosted } from '@/features/wishes/wish-posted'
import { useNow } from '@/hooks/use-now'
import { useWhoamiOnShow } from '@/hooks/use-whoami-on-show'
import { useSubscriptions } from '@/services/subscribe'
import { wishCategoryLabels } from '@/services/wish-labels'
import type { WishCategory, WishDetail } from '@/types'

type Step = { at: 'category' } | { at: 'form'; category: WishCategory } | { at: 'posted'; wish: WishDetail }

/** 说个心愿: the kind of help first (with what each covers), then the wish, then what happens next. */
export default function PostWishPage() {
  const now = useNow()
  // The templates the submit tap will ask for, known before the tap.
  useSubscriptions()
  const [step, setStep] = useState<Step>({ at: 'category' })
  const me = useWhoamiOnShow(step.at === 'category')

  return (
    <PageShell>
      {me.state === 'loading' && <Loading />}
      {me.state === 'failed' && <Failed code={me.code} onRetry={me.reload} />}
      {me.state === 'ready' && step.at === 'category' && (
        <>
          {!me.data.household && (
            <Notice tone="info" title="还没有绑定您家">
              <Text>不绑定也能说心愿，在地图上选您家的位置就行。</Text>
            </Notice>
          )}
          <WishCategoryStep onPick={(category) => setStep({ at: 'form', category })} />
          {!me.data.household && <BigEntry title="绑定我家" onClick={() => void Taro.navigateTo({ url: '/pages-resident/bind/index' })} />}
        </>
      )}
      {me.state === 'ready' && step.at === 'form' && (
        <>
          <View className="trail">
            <Text className="step-question">{`“${wishCategoryLabels[step.category]}”的心愿`}</Text>
            <ActionButton small onClick={() => setStep({ at: 'category' })}>
              换一类
            </ActionButton>
          </View>
          <WishPostForm category={step.category} household={me.data.household} now={now} onPosted={(wish) => setStep({ at: 'posted', wish })} />
        </>
      )}
      {step.at === 'posted' && <WishPosted wish={step.wish} />}
    </PageShell>
  )
}
