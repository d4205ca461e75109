import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import type { ActionFormProps } from './form-props'

/** Content review passed: the request goes on to routing as if never held. */
export function ReleaseForm({ request, onDone }: ActionFormProps) {
  const [note, setNote] = useState('')
  const { busy, problem, send } = useSend()
  const release = () => send(() => call('requests', 'review', { requestId: request._id, decision: 'release', ...(note.trim() ? { note: note.trim() } : {}) }), onDone)
  return (
    <View className="form">
      <TextField label="审核说明（可不填）" value={note} onChange={setNote} placeholder="例如：内容正常" maxlength={500} />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="ok" busy={busy} onClick={() => void release()}>
        通过，派给负责人
      </ActionButton>
    </View>
  )
}

/** Refused after review: the resident reads the reason, so it must say what was wrong. */
export function RejectForm({ request, onDone }: ActionFormProps) {
  const [reason, setReason] = useState('')
  const { busy, problem, setProblem, send } = useSend()
  const reject = () => {
    if (reason.trim().length < 2) return setProblem('请写明原因（至少两个字），居民会看到它。')
    void send(() => call('requests', 'review', { requestId: request._id, decision: 'reject', reason: reason.trim() }), onDone)
  }
  return (
    <View className="form">
      <TextField label="不通过的原因" value={reason} onChange={setReason} placeholder="例如：内容含有他人隐私" multiline maxlength={200} />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="danger" busy={busy} onClick={reject}>
        确认不通过
      </ActionButton>
    </View>
  )
}
