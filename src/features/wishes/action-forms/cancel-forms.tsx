import { ReasonForm } from '@/components/reason-form'
import { call } from '@/services/call'
import type { WishFormProps } from './form-props'

/** Before a claim the resident simply takes the wish back. */
export function WithdrawForm({ wish, onDone }: WishFormProps) {
  return (
    <ReasonForm
      label="撤回的原因（可不填）"
      placeholder="例如：家里人已经帮我办了"
      button="确认撤回"
      tone="danger"
      optional
      run={(reason) => call('wishes', 'withdraw', { wishId: wish._id, ...(reason ? { reason } : {}) })}
      onDone={onDone}
    />
  )
}

/** After a claim the claimer is asked: the claim stands until they agree (or the committee takes it back). */
export function RequestCancelForm({ wish, onDone }: WishFormProps) {
  return (
    <ReasonForm
      intro="已经有党员认领了。您的原因会告诉认领的党员，他同意后心愿就撤回。"
      label="为什么想取消"
      placeholder="例如：家里人已经帮我办了"
      button="发送取消请求"
      tone="danger"
      run={(reason) => call('wishes', 'requestCancel', { wishId: wish._id, reason })}
      onDone={onDone}
    />
  )
}
