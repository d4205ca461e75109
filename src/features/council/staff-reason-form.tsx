import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { useSend } from '@/hooks/use-send'
import type { Result } from '@/types'

type Props<T> = {
  label: string
  placeholder: string
  button: string
  tone?: 'primary' | 'ok' | 'danger' | 'plain'
  intro?: string
  run: (reason: string) => Promise<Result<T>>
  onDone: (answer: T) => void
}

/** One reason (CouncilReason: 1–200 characters) and one button: cancelling, declining, refusing, hiding. */
export function StaffReasonForm<T>({ label, placeholder, button, tone = 'danger', intro, run, onDone }: Props<T>) {
  const [reason, setReason] = useState('')
  const { busy, problem, setProblem, send } = useSend()
  const submit = () => {
    const said = reason.trim()
    if (!said) return setProblem('请写一下原因。')
    if ([...said].length > 200) return setProblem('原因最多 200 个字。')
    void send(() => run(said), onDone)
  }
  return (
    <View className="form council-subform">
      {intro && <Text className="form__intro">{intro}</Text>}
      <TextField label={label} value={reason} onChange={setReason} placeholder={placeholder} multiline maxlength={200} counter />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone={tone} busy={busy} onClick={submit}>
        {button}
      </ActionButton>
    </View>
  )
}
