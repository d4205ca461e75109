import { useState } from 'react'
import { Form } from '@/components/form'
import { PhotoField } from '@/components/photo-field'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { usePhotos } from '@/hooks/use-photos'
import { call } from '@/services/call'
import { askAtTap } from '@/services/subscribe'
import type { WishFormProps } from './form-props'

/** 我已完成: what was done, with up to 3 photos as evidence; the resident is asked to confirm it. */
export function FulfilForm({ wish, onDone }: WishFormProps) {
  const [note, setNote] = useState('')
  const photos = usePhotos(3)
  const form = useForm({
    values: { note, photos: photos.fileIds },
    check: () => ({ note: note.trim() ? null : '请写一下做了什么。', photos: photos.notReady }),
  })
  const submit = () =>
    form.submit(() => {
      // The resident's confirmation is the next word the claimer hears (a 进度 notice).
      void askAtTap(['progress'])
      return call('wishes', 'fulfil', { wishId: wish._id, note: note.trim(), photos: photos.fileIds })
    }, onDone)
  return (
    <Form form={form} tone="ok" button="告诉居民已经办好" onSubmit={submit}>
      <TextField label="做了什么" value={note} onChange={setNote} placeholder="例如：已经把药送到家，交给了老人" multiline maxlength={500} counter {...form.field('note')} />
      <PhotoField label="照片（最多 3 张，可不拍）" photos={photos} {...form.field('photos')} />
    </Form>
  )
}
