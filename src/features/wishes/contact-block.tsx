import { Text, View } from '@tarojs/components'
import type { WishContactView } from '@/types'
import { CallButton } from './call-button'
import { InfoRow } from './info-row'

/**
 * The wisher's name, phone and (for 上门) address as the server lets this viewer see them: masked
 * until a claim, in full for the claimer (each look is logged on the server). `canCall` is for whoever
 * has a reason to ring: the claimer, or the grid worker confirming by a call.
 */
export function ContactBlock({ contact, canCall }: { contact: WishContactView; canCall: boolean }) {
  return (
    <View className="card">
      <Text className="card__title">居民的联系方式</Text>
      <InfoRow name="姓名">{contact.name}</InfoRow>
      {contact.phone && <InfoRow name="电话">{contact.phone}</InfoRow>}
      {contact.address && <InfoRow name="地址">{contact.address}</InfoRow>}
      {contact.masked ? (
        <Text className="field__hint">认领以后才能看到完整的联系方式。</Text>
      ) : (
        <Text className="field__hint">只用来帮这个心愿，请不要告诉别人。</Text>
      )}
      {!contact.masked && canCall && contact.phone && <CallButton phone={contact.phone} />}
    </View>
  )
}
