import { Text, View } from '@tarojs/components'

/** A name and its value on one line of a card, the name in the quieter ink. */
export function InfoRow({ name, children }: { name: string; children: string }) {
  return (
    <View className="card__row">
      <Text className="card__key">{name}</Text>
      <Text>{children}</Text>
    </View>
  )
}
