import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { BigEntry } from '@/components/big-entry'
import { Form } from '@/components/form'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { useSend } from '@/hooks/use-send'
import { callUnchecked } from '@/services/call-unchecked'
import type { RequestAction, RequestDetail } from '@/types'

/** What a staff member does on this request happens in the workbench, not on the resident's page. */
const staffActions: ReadonlySet<RequestAction> = new Set(['accept', 'note', 'transfer', 'escalate', 'refer', 'reply', 'recordCallback', 'release', 'reject'])

type Props = { request: RequestDetail; onChange: (request: RequestDetail) => void; onFollowed: () => void }

/**
 * The page's last, secondary buttons among those the server offers now: +1, withdraw, and the way to
 * the workbench. The rating, the one thing a resident comes back to do, sits under the result instead.
 */
export function ResidentActions({ request, onChange, onFollowed }: Props) {
  const can = (action: RequestAction) => request.availableActions.includes(action)
  const [withdrawing, setWithdrawing] = useState(false)
  const [reason, setReason] = useState('')
  const { busy, problem, send } = useSend()
  // The reason is optional; a refusal of its words (content safety names `note`) shows beside it.
  const withdrawal = useForm({ values: { note: reason }, check: () => ({}) })
  const withdraw = () =>
    withdrawal.submit(() => callUnchecked('requests', 'withdraw', { requestId: request._id, ...(reason.trim() ? { note: reason.trim() } : {}) }), onChange)
  const follow = () => send(() => callUnchecked('requests', 'follow', { requestId: request._id }), onFollowed)

  return (
    <View className="actions">
      {can('follow') && !request.following && (
        <ActionButton tone="primary" busy={busy} onClick={() => void follow()}>
          我也遇到了（+1）
        </ActionButton>
      )}
      {can('withdraw') && !withdrawing && <ActionButton onClick={() => setWithdrawing(true)}>撤回这件事…</ActionButton>}
      {can('withdraw') && withdrawing && (
        <>
          <Form form={withdrawal} button="确认撤回" busyButton="正在撤回…" tone="danger" onSubmit={withdraw}>
            <TextField label="撤回的原因（可不填）" value={reason} onChange={setReason} placeholder="比如问题已经自己解决了" multiline maxlength={500} {...withdrawal.field('note')} />
          </Form>
          <ActionButton onClick={() => setWithdrawing(false)}>不撤回了</ActionButton>
        </>
      )}
      {problem && <FormError>{problem}</FormError>}
      {request.availableActions.some((action) => staffActions.has(action)) && (
        <BigEntry title="到工作台办理" note="接单、记录、答复等在工作台里做" onClick={() => void Taro.navigateTo({ url: `/pages-staff/request/index?id=${encodeURIComponent(request._id)}` })} />
      )}
    </View>
  )
}
