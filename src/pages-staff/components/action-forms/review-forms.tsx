import { useState } from 'react'
import { Form } from '@/components/form'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { call } from '@/services/call'
import type { ActionFormProps } from './form-props'

/** Content review passed: the request goes on to routing as if never held. */
export function ReleaseForm({ request, onDone }: ActionFormProps) {
  const [note, setNote] = useState('')
  const form = useForm({ values: { note }, check: () => ({}) })
  const release = () => form.submit(() => call('requests', 'review', { requestId: request._id, decision: 'release', ...(note.trim() ? { note: note.trim() } : {}) }), onDone)
  return (
    <Form form={form} tone="ok" button="通过，派给负责人" onSubmit={release}>
      <TextField label="审核说明（可不填）" value={note} onChange={setNote} placeholder="例如：内容正常" maxlength={500} {...form.field('note')} />
    </Form>
  )
}

/** Refused after review: the resident reads the reason, so it must say what was wrong. */
export function RejectForm({ request, onDone }: ActionFormProps) {
  const [reason, setReason] = useState('')
  const form = useForm({ values: { reason }, check: () => ({ reason: reason.trim().length < 2 ? '请写明原因（至少两个字），居民会看到它。' : null }) })
  const reject = () => form.submit(() => call('requests', 'review', { requestId: request._id, decision: 'reject', reason: reason.trim() }), onDone)
  return (
    <Form form={form} tone="danger" button="确认不通过" onSubmit={reject}>
      <TextField label="不通过的原因" value={reason} onChange={setReason} placeholder="例如：内容含有他人隐私" multiline maxlength={200} {...form.field('reason')} />
    </Form>
  )
}
