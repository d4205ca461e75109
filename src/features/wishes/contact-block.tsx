import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FormError } from '@/components/status-views'
import { call } from '@/services/call'
import { errorText } from '@/services/error-text'
import type { WishContactView } from '@/types'
import { CallButton } from './call-button'
import { InfoRow } from './info-row'

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
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const shown = revealed ?? contact
  const reveal = async () => {
    setBusy(true)
    const result = await call('wishes', 'revealContact', { wishId })
    setBusy(false)
    if (result.ok) setRevealed(result.data)
    else setProblem(errorText[result.code])
  }
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
