import { Input, Text, Textarea, View } from '@tarojs/components'
import { FieldError, fieldBox } from './form'

type Props = {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  hint?: string
  type?: 'text' | 'number' | 'digit'
  maxlength?: number
  multiline?: boolean
  /** Shows “n/max 字” under the box: long texts need to know how much room is left. */
  counter?: boolean
  /** From the form (useForm's field): where to scroll to, and what is wrong with this box. */
  id?: string
  error?: string | null
}

/** A labelled input whose label stays visible after typing, so nobody has to remember what a box was for. */
export function TextField({ label, value, onChange, placeholder, hint, type = 'text', maxlength, multiline, counter, id, error }: Props) {
  // Counted in code points, as the contract counts them (an emoji is one character to a resident).
  const count = counter ? `${[...value].length}/${maxlength ?? 200} 字` : null
  return (
    <View {...fieldBox(id, error)}>
      <Text className="field__label">{label}</Text>
      <FieldError error={error} />
      {multiline ? (
        <Textarea className="field__input field__input--multi" value={value} placeholder={placeholder} maxlength={maxlength ?? 200} autoHeight onInput={(e) => onChange(e.detail.value)} />
      ) : (
        <Input className="field__input" value={value} placeholder={placeholder} type={type} maxlength={maxlength ?? 40} onInput={(e) => onChange(e.detail.value)} />
      )}
      {hint && <Text className="field__hint">{hint}</Text>}
      {count && <Text className="field__hint field__count">{count}</Text>}
    </View>
  )
}
