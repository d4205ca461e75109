import { Text, View } from '@tarojs/components'
import { FieldError, fieldBox } from './form'

export type Option<T extends string> = { id: T; title: string }

type Props<T extends string> = { label: string; options: Option<T>[]; value: T | null; onChange: (id: T) => void; id?: string; error?: string | null }

/** One answer out of a few, each a whole row with the choice in words as well as the mark. */
export function PickOne<T extends string>({ label, options, value, onChange, id, error }: Props<T>) {
  return (
    <View {...fieldBox(id, error)} role="radiogroup" aria-label={label}>
      <Text className="field__label">{label}</Text>
      <FieldError error={error} />
      {options.map((option) => (
        <View
          key={option.id}
          className={`check-row ${value === option.id ? 'check-row--on' : ''}`}
          role="radio"
          aria-checked={value === option.id}
          onClick={() => onChange(option.id)}
        >
          <Text className="check-row__box check-row__box--round" aria-hidden>
            {value === option.id ? '●' : ''}
          </Text>
          <Text className="check-row__label">{option.title}</Text>
        </View>
      ))}
    </View>
  )
}
