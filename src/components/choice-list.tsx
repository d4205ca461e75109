import { Text, View } from '@tarojs/components'

export type Choice = { id: string; title: string; note?: string }

/** One big row per choice: elderly residents tap a whole row more surely than a picker wheel. */
export function ChoiceList({ choices, onPick }: { choices: Choice[]; onPick: (choice: Choice) => void }) {
  return (
    <View className="choices" role="list">
      {choices.map((choice) => (
        <View key={choice.id} className="choice" role="button" onClick={() => onPick(choice)}>
          <Text className="choice__title">{choice.title}</Text>
          {choice.note && <Text className="choice__note">{choice.note}</Text>}
          <Text className="choice__arrow" aria-hidden>
            ›
          </Text>
        </View>
      ))}
    </View>
  )
}
