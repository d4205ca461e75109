import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { useSend } from '@/hooks/use-send'
import type { Result, WishDetail } from '@/types'

type Props = {
  label: string
  placeholder: string
  button: string
  tone?: 'primary' | 'ok' | 'danger' | 'plain'
  intro?: string
  /** Optional reasons are sent only when written (the contract takes no empty one). */
  optional?: boolean
  run: (reason: string | undefined) => Promise<Result<WishDetail>>
  onDone: (wish: WishDetail) => void
}

/** One reason (≤ 200 characters, WishReason) and one button: most of a wish's steps need no more. */
export function ReasonForm({ label, placeholder, button, tone = 'primary', intro, optional, run, onDone }: Props) {
  const [reason, setReason] = useState('')
  const { busy, problem, setProblem, send } = useSend()
  const submit = () => {
    const said = reason.trim()
    if (!said && !optional) return setProblem('请写一下原因。')
    void send(() => run(said || undefined), onDone)
  }
  return (
    <View className="form">
      {intro && <Text className="form__intro">{intro}</Text>}
      <TextField label={label} value={reason} onChange={setReason} placeholder={placeholder} multiline maxlength={200} counter />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone={tone} busy={busy} onClick={submit}>
        {button}
      </ActionButton>
    </View>
  )
}
