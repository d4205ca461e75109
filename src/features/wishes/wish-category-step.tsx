import { Text } from '@tarojs/components'
import { ChoiceList } from '@/components/choice-list'
import { Notice } from '@/components/status-views'
import { wishCategoryGuidance, wishCategoryLabels } from '@/services/wish-labels'
import { WishCategory } from '@/types'

const choices = WishCategory.options.map((category) => ({ id: category, title: wishCategoryLabels[category], note: wishCategoryGuidance[category] }))

/** The kind of help, each with examples, and where an emergency or a job for the committee goes instead. */
export function WishCategoryStep({ onPick }: { onPick: (category: WishCategory) => void }) {
  return (
    <>
      <Text className="step-question">您需要哪一类帮助？</Text>
      <ChoiceList choices={choices} onPick={(choice) => onPick(WishCategory.parse(choice.id))} />
      <Notice tone="info" title="急事和家门口的难事，请走别的路">
        <Text>急病、着火、有人受伤，请马上打 120、119、110。</Text>
        <Text>漏水、电梯坏了、邻里纠纷这类事，请到首页点“有困难找居村”。</Text>
      </Notice>
    </>
  )
}
