import { Text } from '@tarojs/components'
import { useState } from 'react'
import { Form } from '@/components/form'
import { PickOne } from '@/components/pick-one'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { call } from '@/services/call'
import { failure, OutOfScope, outOfScopeGuidance } from '@/types'
import type { ActionFormProps } from './form-props'

const scopes = OutOfScope.options.map((scope) => ({ id: scope, title: outOfScopeGuidance[scope].label }))

/** Not the community's to settle: the resident is told where to go instead, never just dropped. */
export function ReferForm({ request, onDone }: ActionFormProps) {
  const [scope, setScope] = useState<OutOfScope | null>(null)
  const [note, setNote] = useState('')
  const form = useForm({ values: { scope, note }, check: () => ({ scope: scope ? null : '请选一下该找哪个部门。' }) })
  const submit = () =>
    form.submit(
      async () => (scope ? call('requests', 'refer', { requestId: request._id, scope, ...(note.trim() ? { note: note.trim() } : {}) }) : failure('INVALID_INPUT', 'scope: 请选一下该找哪个部门。')),
      onDone,
    )
  return (
    <Form form={form} button="转介并告诉居民" onSubmit={submit}>
      <PickOne label="这件事该找" options={scopes} value={scope} onChange={setScope} {...form.field('scope')} />
      {scope && <Text className="form__intro">{`居民会看到：${outOfScopeGuidance[scope].guidance}`}</Text>}
      <TextField label="补充说明（可不填）" value={note} onChange={setNote} placeholder="例如：具体的窗口和办理时间" multiline maxlength={500} {...form.field('note')} />
    </Form>
  )
}
