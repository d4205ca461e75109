import { useState } from 'react'
import { Form } from '@/components/form'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { call } from '@/services/call'
import { newIdempotencyKey } from '@/services/idempotency-key'
import type { CommentView } from '@/types'

type Props = { topicId: string; parentId?: string; label: string; placeholder: string; button: string; onSent: (comment: CommentView) => void }

/** A comment (≤ 500 characters, CommentText) or a reply to one; the server checks its words before anyone reads them. */
export function CommentBox({ topicId, parentId, label, placeholder, button, onSent }: Props) {
  const [text, setText] = useState('')
  // One key per comment: sent again after a lost answer, it is the same comment; the next one gets its own.
  const [key, setKey] = useState(() => newIdempotencyKey())
  const said = text.trim()
  const form = useForm({ values: { text }, check: () => ({ text: said ? null : '请先写几句。' }) })
  const submit = () =>
    form.submit(
      () => call('council', 'comment', { topicId, idempotencyKey: key, text: said, ...(parentId ? { parentId } : {}) }),
      (comment) => {
        setText('')
        setKey(newIdempotencyKey())
        onSent(comment)
      },
    )
  return (
    <Form form={form} className="form council-comment-box" button={button} busyButton="正在发表…" onSubmit={submit}>
      <TextField label={label} value={text} onChange={setText} placeholder={placeholder} multiline maxlength={500} counter {...form.field('text')} />
    </Form>
  )
}
