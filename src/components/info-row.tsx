import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

/** A name and its value on one line of a card, the name in the quieter ink. */
export function InfoRow({ name, children }: { name: string; children: ReactNode }) {
  return (
    <View className="card__row">
      <Text className="card__key">{name}</Text>
      <Text className="card__line">{children}</Text>
    </View>
  )
}
