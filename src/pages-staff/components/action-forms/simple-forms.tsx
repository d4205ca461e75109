import { useState } from 'react'
import { Form } from '@/components/form'
import { PhotoField } from '@/components/photo-field'
import { PickOne, type Option } from '@/components/pick-one'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { usePhotos } from '@/hooks/use-photos'
import { call } from '@/services/call'
import { failure, type NoteVisibleTo } from '@/types'
import type { ActionFormProps } from './form-props'

const optional = (note: string) => (note.trim() ? { note: note.trim() } : {})

/** 接单: the resident is told at once who has it; a first word to them is welcome, not required. */
export function AcceptForm({ request, onDone }: ActionFormProps) {
  const [note, setNote] = useState('')
  const form = useForm({ values: { note }, check: () => ({}) })
  return (
    <Form form={form} tone="ok" button="确认接单" onSubmit={() => form.submit(() => call('requests', 'accept', { requestId: request._id, ...optional(note) }), onDone)}>
      <TextField label="给居民的话（可不填）" value={note} onChange={setNote} placeholder="例如：今天下午上门查看" multiline maxlength={500} {...form.field('note')} />
    </Form>
  )
}

/** Who a note is for, in the words staff choose by: no default, so nothing internal reaches a resident unasked. */
const noteAudiences: Option<NoteVisibleTo>[] = [
  { id: 'staff', title: '仅工作人员可见（居民看不到）' },
  { id: 'resident', title: '告诉居民（居民会收到消息）' },
]
const noteButtons: Record<NoteVisibleTo, string> = { staff: '记为内部备注', resident: '告诉居民' }

/**
 * A step of the work, for the timeline: what was done, with photos of it if there are any, and each
 * time who may read it (issue 10: an internal note never reaches the resident).
 */
export function NoteForm({ request, onDone }: ActionFormProps) {
  const [visibleTo, setVisibleTo] = useState<NoteVisibleTo | null>(null)
  const [note, setNote] = useState('')
  const photos = usePhotos()
  const form = useForm({
    values: { visibleTo, note, photos: photos.fileIds },
    check: () => ({
      visibleTo: visibleTo ? null : '请选一下这条记录给谁看。',
      note: note.trim() ? null : '请写一下做了什么。',
      photos: photos.notReady,
    }),
  })
  const submit = () =>
    form.submit(
      async () =>
        visibleTo
          ? call('requests', 'note', { requestId: request._id, note: note.trim(), visibleTo, ...(photos.fileIds.length ? { photos: photos.fileIds } : {}) })
          : failure('INVALID_INPUT', 'visibleTo: 请选一下这条记录给谁看。'),
      onDone,
    )
  return (
    <Form form={form} button={visibleTo ? noteButtons[visibleTo] : '记下来'} onSubmit={submit}>
      <PickOne label="这条记录给谁看" options={noteAudiences} value={visibleTo} onChange={setVisibleTo} {...form.field('visibleTo')} />
      <TextField label="办理进展" value={note} onChange={setNote} placeholder="例如：已联系物业，明天来修" multiline maxlength={500} counter {...form.field('note')} />
      <PhotoField label="现场照片（可不拍）" photos={photos} {...form.field('photos')} />
    </Form>
  )
}

/** 回访: whether the call got through, and what the resident said. */
export function CallbackForm({ request, onDone }: ActionFormProps) {
  const [reached, setReached] = useState<'yes' | 'no' | null>(null)
  const [note, setNote] = useState('')
  const form = useForm({
    values: { reached, note },
    check: () => ({ reached: reached ? null : '请选一下电话打通了没有。', note: note.trim() ? null : '请写一下回访的情况。' }),
  })
  const submit = () =>
    form.submit(
      async () => (reached ? call('requests', 'recordCallback', { requestId: request._id, reached: reached === 'yes', note: note.trim() }) : failure('INVALID_INPUT', 'reached: 请选一下电话打通了没有。')),
      onDone,
    )
  return (
    <Form form={form} button="记录回访" onSubmit={submit}>
      <PickOne label="电话打通了吗" options={[{ id: 'yes', title: '打通了' }, { id: 'no', title: '没打通' }]} value={reached} onChange={setReached} {...form.field('reached')} />
      <TextField label="回访情况" value={note} onChange={setNote} placeholder="居民怎么说" multiline maxlength={500} counter {...form.field('note')} />
    </Form>
  )
}
