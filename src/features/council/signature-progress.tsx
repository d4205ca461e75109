import { Text, View } from '@tarojs/components'

/**
 * Co-signatures against the threshold, in words first (the bar only adds to them). Units are
 * households by the issue's default ("10 households or 5% of units"), one signature each.
 */
export function SignatureProgress({ signatures, threshold }: { signatures: number; threshold: number }) {
  const share = Math.min(100, Math.round((signatures / threshold) * 100))
  const left = threshold - signatures
  return (
    <View className="council-progress">
      <Text className="council-progress__words">{`已有 ${signatures} 户联署，需要 ${threshold} 户${left > 0 ? `，还差 ${left} 户` : '，已经够了'}`}</Text>
      <View className="council-progress__bar" aria-hidden>
        <View className="council-progress__fill" style={{ width: `${share}%` }} />
      </View>
    </View>
  )
}
