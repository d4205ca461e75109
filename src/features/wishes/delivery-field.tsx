import { Text, View } from '@tarojs/components'
import { fieldBox } from '@/components/form'
import { PickOne } from '@/components/pick-one'
import type { FieldState } from '@/hooks/use-form'
import { deliveryLabels, deliveryNotes } from '@/services/wish-labels'
import { WishDelivery } from '@/types'

const options = WishDelivery.options.map((id) => ({ id, title: deliveryLabels[id] }))

/** 上门 or 送到居委会: the second keeps the home address from the helper, so both say what they mean. */
export function DeliveryField({ value, onChange, id, error }: { value: WishDelivery | null; onChange: (delivery: WishDelivery) => void } & Partial<FieldState>) {
  return (
    <View {...fieldBox(id, null)}>
      <PickOne label="怎么帮您" options={options} value={value} onChange={onChange} error={error} />
      {(value ? [value] : WishDelivery.options).map((delivery) => (
        <Text key={delivery} className="field__hint">{`${deliveryLabels[delivery]}：${deliveryNotes[delivery]}`}</Text>
      ))}
    </View>
  )
}
