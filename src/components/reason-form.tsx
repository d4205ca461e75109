import { useState } from 'react'
import { useForm } from '@/hooks/use-form'
import type { Result } from '@/types'
import { Form } from './form'
import { TextField } from './text-field'

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
  const said = reason.trim()
  // The contracts name the reason `reason` or `note`: either is this box.
  const form = useForm({
    values: { reason },
    check: () => ({ reason: [...said].length > REASON_MAX ? `原因最多 ${REASON_MAX} 个字。` : !said && !props.optional ? '请写一下原因。' : null }),
    paths: { note: 'reason' },
  })
  const submit = () => form.submit(() => (props.optional ? props.run(said || undefined) : props.run(said)), onDone)
  return (
    <Form form={form} className={className} intro={intro} tone={tone} button={button} onSubmit={submit}>
      <TextField label={label} value={reason} onChange={setReason} placeholder={placeholder} multiline maxlength={REASON_MAX} counter {...form.field('reason')} />
    </Form>
  )
}
