import { useState } from 'react'
import { Form } from '@/components/form'
import { PickOne } from '@/components/pick-one'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { call } from '@/services/call'
import { failure } from '@/types'
import { ColleaguePicker } from './colleague-picker'
import type { ActionFormProps } from './form-props'

/** 协办: a colleague helps; the owner stays the owner (首接负责) and answers for the result. */
export function TransferForm({ request, onDone }: ActionFormProps) {
  const [colleague, setColleague] = useState<string[]>([])
  const [note, setNote] = useState('')
  const form = useForm({
    values: { colleague, note },
    check: () => ({ colleague: colleague.length === 1 ? null : '请选一位同事。', note: note.trim() ? null : '请写一下请同事帮什么忙。' }),
    paths: { toUserId: 'colleague' },
  })
  const submit = () => form.submit(() => call('requests', 'transfer', { requestId: request._id, toUserId: colleague[0], note: note.trim() }), onDone)
  return (
    <Form form={form} button="请同事协办" onSubmit={submit}>
      <ColleaguePicker label="请哪位同事协办（您仍是负责人）" communityId={request.route.communityId} chosen={colleague} onChange={setColleague} single {...form.field('colleague')} />
      <TextField label="请同事帮什么忙" value={note} onChange={setNote} placeholder="例如：请物业派人修电梯" multiline maxlength={500} {...form.field('note')} />
    </Form>
  )
}

/** 吹哨报到: the community or the street joins with its own people; the owner stays. */
export function EscalateForm({ request, onDone }: ActionFormProps) {
  const [level, setLevel] = useState<'community' | 'street' | null>(null)
  const [colleagues, setColleagues] = useState<string[]>([])
  const [note, setNote] = useState('')
  const form = useForm({
    values: { level, colleagues, note },
    check: () => ({ level: level ? null : '请选一下向谁吹哨。', note: note.trim() ? null : '请写一下为什么需要上面协调。' }),
    paths: { coHandlerIds: 'colleagues' },
  })
  const submit = () =>
    form.submit(
      async () => (level ? call('requests', 'escalate', { requestId: request._id, level, coHandlerIds: colleagues, note: note.trim() }) : failure('INVALID_INPUT', 'level: 请选一下向谁吹哨。')),
      onDone,
    )
  return (
    <Form form={form} tone="danger" button="吹哨上报" onSubmit={submit}>
      <PickOne label="向谁吹哨" options={[{ id: 'community', title: '社区（居委会）' }, { id: 'street', title: '街道' }]} value={level} onChange={setLevel} {...form.field('level')} />
      <ColleaguePicker label="一起办的同事（可不选）" communityId={request.route.communityId} chosen={colleagues} onChange={setColleagues} {...form.field('colleagues')} />
      <TextField label="为什么需要协调" value={note} onChange={setNote} placeholder="例如：涉及两个小区，需要街道协调" multiline maxlength={500} {...form.field('note')} />
    </Form>
  )
}
