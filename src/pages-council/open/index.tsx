import Taro, { useRouter } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { useState } from 'react'
import { PageShell } from '@/components/page-shell'
import { Notice } from '@/components/status-views'
import { topicUrl } from '@/features/council/council-urls'
import { StaffCommunitiesPage, type Community } from '@/features/council/staff-communities'
import { prefillBackground, readPrefill } from '@/features/council/staff-open-link'
import { emptyScope, scopeOf } from '@/features/council/staff-scope'
import { ScopeField } from '@/features/council/staff-scope-field'
import { emptyDraft } from '@/features/council/staff-terms-draft'
import { StaffTopicForm } from '@/features/council/staff-topic-form'
import { call } from '@/services/call'
import { newIdempotencyKey } from '@/services/idempotency-key'
import { failure } from '@/types'
import '../../styles/council-staff.scss'

/**
 * The committee opens a topic over its community, some grids or some buildings. 每月一题 opens this
 * page with the month's requests (?requestIds=a,b&category=…&title=…): the topic is linked to them.
 */
export default function OpenTopicPage() {
  return (
    <StaffCommunitiesPage forWhom="议题由社区居委会或街道发起。居民想议一件事，可以在邻里议事厅里提议、请邻居联署。">
      {(communities) => <OpenTopicForm communities={communities} />}
    </StaffCommunitiesPage>
  )
}

function OpenTopicForm({ communities }: { communities: Community[] }) {
  const params = useRouter().params
  const [prefill] = useState(() => readPrefill(params))
  const [scopeDraft, setScopeDraft] = useState(() => emptyScope(communities.map((c) => c.id)))
  // One key per form: a retried send must not open the topic twice.
  const [idempotencyKey] = useState(newIdempotencyKey)
  const [initial] = useState(() => emptyDraft(Date.now(), { title: prefill.title, background: prefillBackground(prefill) }))
  const scope = scopeOf(scopeDraft)
  return (
    <PageShell>
      {prefill.requestIds.length > 0 && (
        <Notice tone="info" title={`来自每月一题：关联 ${prefill.requestIds.length} 件诉求`}>
          <Text>议题发起后，这些诉求的居民会收到通知，诉求的进度里也能看到议题的落实情况。</Text>
        </Notice>
      )}
      <StaffTopicForm
        initial={initial}
        scopeField={<ScopeField communities={communities} value={scopeDraft} onChange={setScopeDraft} />}
        scope={scope}
        fromRequestIds={prefill.requestIds}
        button="发起议题"
        // The form sends only once a scope is picked and its electorate counted.
        send={(terms) => (scope ? call('council', 'openTopic', { ...terms, idempotencyKey, scope }) : Promise.resolve(failure('INVALID_INPUT', 'scope: none picked')))}
        onDone={(topic) => {
          void Taro.showToast({ title: '议题已发起', icon: 'none' })
          void Taro.redirectTo({ url: topicUrl(topic._id) })
        }}
      />
    </PageShell>
  )
}
