import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import { newIdempotencyKey } from '@/services/idempotency-key'
import type { CommentView } from '@/types'

type Props = { topicId: string; parentId?: string; label: string; placeholder: string; button: string; onSent: (comment: CommentView) => void }

/** A comment (≤ 500 characters, CommentText) or a reply to one; the server checks its words before anyone reads them. */
export function CommentBox({ topicId, parentId, label, placeholder, button, onSent }: Props) {
  const [text, setText] = useState('')
  // One key per comment: sent again after a lost answer, it is the same comment; the next one gets its own.
  const [key, setKey] = useState(() => newIdempotencyKey())
  const { busy, problem, setProblem, send } = useSend()
  const submit = () => {
    const said = text.trim()
    if (!said) return setProblem('请先写几句。')
    void send(
      () => call('council', 'comment', { topicId, idempotencyKey: key, text: said, ...(parentId ? { parentId } : {}) }),
      (comment) => {
        setText('')
        setKey(newIdempotencyKey())
        onSent(comment)
      },
    )
  }
  return (
    <View className="form council-comment-box">
      <TextField label={label} value={text} onChange={setText} placeholder={placeholder} multiline maxlength={500} counter />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="primary" busy={busy} onClick={submit}>
        {busy ? '正在发表…' : button}
      </ActionButton>
    </View>
  )
}
