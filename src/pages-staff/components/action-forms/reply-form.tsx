import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PhotoField } from '@/components/photo-field'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { usePhotos } from '@/hooks/use-photos'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import type { ActionFormProps } from './form-props'

/** The result, in words the resident will rate, with photos of the work done. */
export function ReplyForm({ request, onDone }: ActionFormProps) {
  const [text, setText] = useState('')
  const photos = usePhotos()
  const { busy, problem, setProblem, send } = useSend()
  const submit = () => {
    if (!text.trim()) return setProblem('请写一下办理结果。')
    if (photos.notReady) return setProblem(photos.notReady)
    void send(() => call('requests', 'reply', { requestId: request._id, text: text.trim(), photos: photos.fileIds }), onDone)
  }
  return (
    <View className="form">
      <TextField label="办理结果" value={text} onChange={setText} placeholder="做了什么，现在怎么样了" multiline maxlength={2000} counter />
      <PhotoField label="结果照片（可不拍）" photos={photos} />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="ok" busy={busy} onClick={submit}>
        答复居民
      </ActionButton>
    </View>
  )
}
