import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { useSend } from '@/hooks/use-send'
import type { Result } from '@/types'

/** The contracts' reasons (WishReason, CouncilReason) are 1–200 characters. */
const REASON_MAX = 200

type Props<T> = {
  label: string
  placeholder: string
  button: string
  tone?: 'primary' | 'ok' | 'danger' | 'plain'
  intro?: string
  className?: string
  onDone: (answer: T) => void
} & (
  | { optional?: false; run: (reason: string) => Promise<Result<T>> }
  /** An optional reason is sent only when written: the contracts take no empty one. */
  | { optional: true; run: (reason: string | undefined) => Promise<Result<T>> }
)

/** One reason and one button: most steps that end, refuse or take something back need no more. */
export function ReasonForm<T>(props: Props<T>) {
  const { label, placeholder, button, tone = 'primary', intro, className = 'form', onDone } = props
  const [reason, setReason] = useState('')
  const { busy, problem, setProblem, send } = useSend()
  const submit = () => {
    const said = reason.trim()
    if ([...said].length > REASON_MAX) return setProblem(`原因最多 ${REASON_MAX} 个字。`)
    if (props.optional) return void send(() => props.run(said || undefined), onDone)
    if (!said) return setProblem('请写一下原因。')
    void send(() => props.run(said), onDone)
  }
  return (
    <View className={className}>
      {intro && <Text className="form__intro">{intro}</Text>}
      <TextField label={label} value={reason} onChange={setReason} placeholder={placeholder} multiline maxlength={REASON_MAX} counter />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone={tone} busy={busy} onClick={submit}>
        {button}
      </ActionButton>
    </View>
  )
}
