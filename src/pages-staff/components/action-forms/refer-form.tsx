import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PickOne } from '@/components/pick-one'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import { OutOfScope, outOfScopeGuidance } from '@/types'
import type { ActionFormProps } from './form-props'

const scopes = OutOfScope.options.map((scope) => ({ id: scope, title: outOfScopeGuidance[scope].label }))

/** Not the community's to settle: the resident is told where to go instead, never just dropped. */
export function ReferForm({ request, onDone }: ActionFormProps) {
  const [scope, setScope] = useState<OutOfScope | null>(null)
  const [note, setNote] = useState('')
  const { busy, problem, setProblem, send } = useSend()
  const submit = () => {
    if (!scope) return setProblem('请选一下该找哪个部门。')
    void send(() => call('requests', 'refer', { requestId: request._id, scope, ...(note.trim() ? { note: note.trim() } : {}) }), onDone)
  }
  return (
    <View className="form">
      <PickOne label="这件事该找" options={scopes} value={scope} onChange={setScope} />
      {scope && <Text className="form__intro">{`居民会看到：${outOfScopeGuidance[scope].guidance}`}</Text>}
      <TextField label="补充说明（可不填）" value={note} onChange={setNote} placeholder="例如：具体的窗口和办理时间" multiline maxlength={500} />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="primary" busy={busy} onClick={submit}>
        转介并告诉居民
      </ActionButton>
    </View>
  )
}
