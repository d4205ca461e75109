import { Text, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import type { Form as FormState } from '@/hooks/use-form'
import { ActionButton } from './action-button'
import { FormError } from './status-views'

type Props = PropsWithChildren<{
  form: Pick<FormState, 'busy' | 'problem'>
  /** The button's words, and what it says while the call runs. */
  button: string
  busyButton?: string
  tone?: 'primary' | 'ok' | 'danger' | 'plain'
  intro?: string
  className?: string
  onSubmit: () => void
}>

/**
 * Every form's frame: its fields (each showing its own error, see useForm), then whatever went wrong
 * with the form as a whole just above the one button that sends it.
 */
export function Form({ form, button, busyButton, tone = 'primary', intro, className = 'form', onSubmit, children }: Props) {
  return (
    <View className={className}>
      {intro && <Text className="form__intro">{intro}</Text>}
      {children}
      {form.problem && <FormError>{form.problem}</FormError>}
      <ActionButton tone={tone} busy={form.busy} onClick={onSubmit}>
        {form.busy && busyButton ? busyButton : button}
      </ActionButton>
    </View>
  )
}

/**
 * A field's error, between its label and its control as GOV.UK's design system places it: read
 * before the box, and still in view when the page scrolls to the field's top.
 */
export function FieldError({ error }: { error: string | null | undefined }) {
  if (!error) return null
  return (
    <View className="field__error" role="alert">
      <Text>{error}</Text>
    </View>
  )
}

/**
 * A field's box: marked while its error shows, and carrying its id only when it has one (Taro writes
 * an undefined id out as the word "undefined", so every field outside a form would share it).
 */
export function fieldBox(id: string | undefined, error: string | null | undefined, base = 'field') {
  return { className: error ? `${base} ${base}--bad` : base, ...(id ? { id } : {}) }
}
