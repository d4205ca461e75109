import { Text, View } from '@tarojs/components'
import { InfoRow } from '@/components/info-row'
import type { WishDetail } from '@/types'
import { dateTimeLine } from '@/types/calendar'

/** Who holds the claim (masked for the wisher by the server) and by when it must be done. */
export function ClaimCard({ claim }: { claim: NonNullable<WishDetail['claim']> }) {
  return (
    <View className="card">
      <Text className="card__title">认领</Text>
      <InfoRow name="认领人">{claim.mine ? '您' : (claim.claimerName ?? '党员')}</InfoRow>
      <InfoRow name="认领时间">{dateTimeLine(claim.at)}</InfoRow>
      <InfoRow name="完成期限">{`${dateTimeLine(claim.lockUntil)} 前`}</InfoRow>
    </View>
  )
}
