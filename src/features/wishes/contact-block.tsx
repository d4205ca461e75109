import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { InfoRow } from '@/components/info-row'
import { FormError } from '@/components/status-views'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import type { WishContactView } from '@/types'
import { CallButton } from '@/components/call-button'

/** The resident reads who will see it; a helper, what it is for. */
const ownHint = (own: boolean, revealed: boolean) =>
  own ? '认领的党员能看到这些，方便联系您；其他人看不到。' : revealed ? '本次查看已记录。只用来核实这个心愿。' : '只用来帮这个心愿，请不要告诉别人。'

type Props = { wishId: string; contact: WishContactView; canCall: boolean; reviewer: boolean; own: boolean }

/**
 * The wisher's name, phone and (for 上门) address as the server lets this viewer see them: masked
 * until a claim, in full for the claimer (each look is logged on the server). A reviewer who must
 * ring or visit to check asks for it here, deliberately (wishes.revealContact, logged). `canCall` is
 * for whoever has a reason to ring: the claimer, or the grid worker confirming by a call.
 */
export function ContactBlock({ wishId, contact, canCall, reviewer, own }: Props) {
  const [revealed, setRevealed] = useState<WishContactView | null>(null)
  const { busy, problem, send } = useSend()
  const shown = revealed ?? contact
  const reveal = () => void send(() => call('wishes', 'revealContact', { wishId }), setRevealed)
  return (
    <View className="card">
      <Text className="card__title">{own ? '您留的联系方式' : '居民的联系方式'}</Text>
      <InfoRow name="姓名">{shown.name}</InfoRow>
      {shown.phone && <InfoRow name="电话">{shown.phone}</InfoRow>}
      {shown.address && <InfoRow name="地址">{shown.address}</InfoRow>}
      {shown.masked && !reviewer && <Text className="field__hint">认领以后才能看到完整的联系方式。</Text>}
      {!shown.masked && <Text className="field__hint">{ownHint(own, revealed !== null)}</Text>}
      {problem && <FormError>{problem}</FormError>}
      {shown.masked && reviewer && (
        <ActionButton small busy={busy} onClick={reveal}>
          核实时查看完整电话和地址
        </ActionButton>
      )}
      {!shown.masked && (canCall || revealed) && shown.phone && <CallButton phone={shown.phone} />}
    </View>
  )
}
