import { Text } from '@tarojs/components'
import { ChoiceList } from '@/components/choice-list'
import { Category, categoryGuidance, categoryLabels } from '@/types'
import { OtherDoors } from './emergency-notice'

const choices = Category.options.map((category) => ({ id: category, title: categoryLabels[category], note: categoryGuidance[category] }))

/** The kind of problem, each with a line of examples, so a resident recognises theirs without jargon. */
export function CategoryStep({ onPick }: { onPick: (category: Category) => void }) {
  return (
    <>
      <Text className="step-question">遇到的是哪一类事？</Text>
      <ChoiceList choices={choices} onPick={(choice) => onPick(Category.parse(choice.id))} />
      <OtherDoors />
    </>
  )
}
