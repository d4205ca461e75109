import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PhotoField } from '@/components/photo-field'
import { PickOne } from '@/components/pick-one'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { usePhotos } from '@/hooks/use-photos'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import type { ActionFormProps } from './form-props'

const optional = (note: string) => (note.trim() ? { note: note.trim() } : {})

/** 接单: the resident is told at once who has it; a first word to them is welcome, not required. */
export function AcceptForm({ request, onDone }: ActionFormProps) {
  const [note, setNote] = useState('')
  const { busy, problem, send } = useSend()
  return (
    <View className="form">
      <TextField label="给居民的话（可不填）" value={note} onChange={setNote} placeholder="例如：今天下午上门查看" multiline maxlength={500} />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="ok" busy={busy} onClick={() => void send(() => call('requests', 'accept', { requestId: request._id, ...optional(note) }), onDone)}>
        确认接单
      </ActionButton>
    </View>
  )
}

/** A step of the work, for the timeline: what was done, with photos of it if there are any. */
export function NoteForm({ request, onDone }: ActionFormProps) {
  const [note, setNote] = useState('')
  const photos = usePhotos()
  const { busy, problem, setProblem, send } = useSend()
  const submit = () => {
    if (!note.trim()) return setProblem('请写一下做了什么。')
    if (photos.notReady) return setProblem(photos.notReady)
    void send(() => call('requests', 'note', { requestId: request._id, note: note.trim(), ...(photos.fileIds.length ? { photos: photos.fileIds } : {}) }), onDone)
  }
  return (
    <View className="form">
      <TextField label="办理进展" value={note} onChange={setNote} placeholder="例如：已联系物业，明天来修" multiline maxlength={500} counter />
      <PhotoField label="现场照片（可不拍）" photos={photos} />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="primary" busy={busy} onClick={submit}>
        记下来
      </ActionButton>
    </View>
  )
}

/** 回访: whether the call got through, and what the resident said. */
export function CallbackForm({ request, onDone }: ActionFormProps) {
  const [reached, setReached] = useState<'yes' | 'no' | null>(null)
  const [note, setNote] = useState('')
  const { busy, problem, setProblem, send } = useSend()
  const submit = () => {
    if (!reached) return setProblem('请选一下电话打通了没有。')
    if (!note.trim()) return setProblem('请写一下回访的情况。')
    void send(() => call('requests', 'recordCallback', { requestId: request._id, reached: reached === 'yes', note: note.trim() }), onDone)
  }
  return (
    <View className="form">
      <PickOne label="电话打通了吗" options={[{ id: 'yes', title: '打通了' }, { id: 'no', title: '没打通' }]} value={reached} onChange={setReached} />
      <TextField label="回访情况" value={note} onChange={setNote} placeholder="居民怎么说" multiline maxlength={500} counter />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="primary" busy={busy} onClick={submit}>
        记录回访
      </ActionButton>
    </View>
  )
}
