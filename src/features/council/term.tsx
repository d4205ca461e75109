import { Text, View } from '@tarojs/components'

/** A name above its value: the council's values (the rule, the window) run long, and stacked they still read at 1.5× type. */
export function Term({ name, children }: { name: string; children: string }) {
  return (
    <View className="council-term">
      <Text className="council-term__name">{name}</Text>
      <Text className="council-term__value">{children}</Text>
    </View>
  )
}
