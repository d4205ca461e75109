import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PickOne } from '@/components/pick-one'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
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
  const { busy, problem, setProblem, send } = useSend()
  const submit = () => {
    if (!via) return setProblem('请选一下是怎么问的。')
    if (!note.trim()) return setProblem('请写一下居民怎么说。')
    void send(() => call('wishes', 'confirmByVisit', { wishId: wish._id, via, note: note.trim() }), onDone)
  }
  return (
    <View className="form">
      <PickOne label="怎么问的居民" options={vias} value={via} onChange={setVia} />
      <TextField label="居民怎么说" value={note} onChange={setNote} placeholder="例如：老人说药已经收到了，很满意" multiline maxlength={500} counter />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="ok" busy={busy} onClick={submit}>
        确认心愿已实现
      </ActionButton>
    </View>
  )
}
