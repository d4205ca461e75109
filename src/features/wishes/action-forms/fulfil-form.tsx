import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PhotoField } from '@/components/photo-field'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { usePhotos } from '@/hooks/use-photos'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import { askAtTap } from '@/services/subscribe'
import type { WishFormProps } from './form-props'

/** 我已完成: what was done, with up to 3 photos as evidence; the resident is asked to confirm it. */
export function FulfilForm({ wish, onDone }: WishFormProps) {
  const [note, setNote] = useState('')
  const photos = usePhotos(3)
  const { busy, problem, setProblem, send } = useSend()
  const submit = () => {
    if (!note.trim()) return setProblem('请写一下做了什么。')
    if (photos.notReady) return setProblem(photos.notReady)
    // The resident's confirmation is the next word the claimer hears (a 进度 notice).
    void askAtTap(['progress'])
    void send(() => call('wishes', 'fulfil', { wishId: wish._id, note: note.trim(), photos: photos.fileIds }), onDone)
  }
  return (
    <View className="form">
      <TextField label="做了什么" value={note} onChange={setNote} placeholder="例如：已经把药送到家，交给了老人" multiline maxlength={500} counter />
      <PhotoField label="照片（最多 3 张，可不拍）" photos={photos} />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="ok" busy={busy} onClick={submit}>
        告诉居民已经办好
      </ActionButton>
    </View>
  )
}
