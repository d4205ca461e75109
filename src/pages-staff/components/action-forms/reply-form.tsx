import { useState } from 'react'
import { Form } from '@/components/form'
import { PhotoField } from '@/components/photo-field'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { usePhotos } from '@/hooks/use-photos'
import { call } from '@/services/call'
import type { ActionFormProps } from './form-props'

/** The result, in words the resident will rate, with photos of the work done. */
export function ReplyForm({ request, onDone }: ActionFormProps) {
  const [text, setText] = useState('')
  const photos = usePhotos()
  const form = useForm({
    values: { text, photos: photos.fileIds },
    check: () => ({ text: text.trim() ? null : '请写一下办理结果。', photos: photos.notReady }),
  })
  const submit = () => form.submit(() => call('requests', 'reply', { requestId: request._id, text: text.trim(), photos: photos.fileIds }), onDone)
  return (
    <Form form={form} tone="ok" button="答复居民" onSubmit={submit}>
      <TextField label="办理结果" value={text} onChange={setText} placeholder="做了什么，现在怎么样了" multiline maxlength={2000} counter {...form.field('text')} />
      <PhotoField label="结果照片（可不拍）" photos={photos} {...form.field('photos')} />
    </Form>
  )
}
