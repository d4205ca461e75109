import { useState } from 'react'
import { Form } from '@/components/form'
import { PickOne } from '@/components/pick-one'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { call } from '@/services/call'
import { failure } from '@/types'
import type { WishFormProps } from './form-props'

type Via = 'visit' | 'call'
const vias: { id: Via; title: string }[] = [
  { id: 'visit', title: '上门走访问过' },
  { id: 'call', title: '打电话问过' },
]

/** For a resident who does not use the phone much: the grid worker confirms after asking them, recorded as such. */
export function ConfirmByVisitForm({ wish, onDone }: WishFormProps) {
  const [via, setVia] = useState<Via | null>(null)
  const [note, setNote] = useState('')
  const form = useForm({
    values: { via, note },
    check: () => ({ via: via ? null : '请选一下是怎么问的。', note: note.trim() ? null : '请写一下居民怎么说。' }),
  })
  const submit = () =>
    form.submit(async () => (via ? call('wishes', 'confirmByVisit', { wishId: wish._id, via, note: note.trim() }) : failure('INVALID_INPUT', 'via: 请选一下是怎么问的。')), onDone)
  return (
    <Form form={form} tone="ok" button="确认心愿已实现" onSubmit={submit}>
      <PickOne label="怎么问的居民" options={vias} value={via} onChange={setVia} {...form.field('via')} />
      <TextField label="居民怎么说" value={note} onChange={setNote} placeholder="例如：老人说药已经收到了，很满意" multiline maxlength={500} counter {...form.field('note')} />
    </Form>
  )
}
