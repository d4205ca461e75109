import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { ReasonForm } from '@/components/reason-form'
import { FormError } from '@/components/status-views'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import { MAX_LIVE_CLAIMS } from '@/types'
import { dateTimeLine } from '@/types/calendar'
import { neededByLine } from '../needed-by'
import type { WishFormProps } from './form-props'

/**
 * 认领: what the member takes on, said before the tap: the deadline the server says a claim made now
 * gets (claimLockUntil: the category's days, never past the needed-by day); the answer carries the
 * claim's own (claim.lockUntil), which the page then shows.
 */
export function ClaimForm({ wish, onDone }: WishFormProps) {
  const { busy, problem, send } = useSend()
  return (
    <View className="form">
      {wish.claimLockUntil !== null && <Text className="form__intro">{`认领后请在 ${dateTimeLine(wish.claimLockUntil)} 前完成（${neededByLine(wish.neededBy)}）。`}</Text>}
      <Text className="form__intro">
        {wish.delivery === 'home' ? '认领后能看到居民的姓名、电话和地址，请上门帮忙。' : '认领后能看到居民的姓名和电话；东西请送到居委会或党群服务站。'}
      </Text>
      <Text className="form__intro">{`每人同时最多认领 ${MAX_LIVE_CLAIMS} 个心愿。办不了请及时放弃，好让别的党员来。`}</Text>
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="primary" busy={busy} onClick={() => void send(() => call('wishes', 'claim', { wishId: wish._id }), onDone)}>
        确认认领
      </ActionButton>
    </View>
  )
}

export function ReleaseForm({ wish, onDone }: WishFormProps) {
  return (
    <ReasonForm
      intro="放弃后，心愿回到待认领，别的党员可以认领；您不会再看到居民的联系方式。"
      label="放弃的原因"
      placeholder="例如：这几天要出差，怕耽误了"
      button="确认放弃认领"
      tone="danger"
      run={(reason) => call('wishes', 'release', { wishId: wish._id, reason })}
      onDone={onDone}
    />
  )
}

/** The committee takes a claim back; the claimer is told the reason. */
export function RevokeForm({ wish, onDone }: WishFormProps) {
  return (
    <ReasonForm
      intro="收回后，心愿回到待认领，认领的党员会收到原因。"
      label="收回的原因（认领人会看到）"
      placeholder="例如：居民说一直没人联系"
      button="确认收回认领"
      tone="danger"
      run={(reason) => call('wishes', 'revoke', { wishId: wish._id, reason })}
      onDone={onDone}
    />
  )
}

/** The claimer agrees to the resident's request to cancel: the wish is withdrawn. */
export function AgreeCancelForm({ wish, onDone }: WishFormProps) {
  return (
    <ReasonForm
      intro={wish.cancelRequest ? `居民想取消：${wish.cancelRequest.reason}` : undefined}
      label="想对居民说的话（可不填）"
      placeholder="例如：好的，有需要再找我"
      button="确认同意取消"
      optional
      run={(note) => call('wishes', 'agreeCancel', { wishId: wish._id, ...(note ? { note } : {}) })}
      onDone={onDone}
    />
  )
}
