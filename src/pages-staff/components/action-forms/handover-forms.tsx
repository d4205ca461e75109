import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PickOne } from '@/components/pick-one'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { ColleaguePicker } from './colleague-picker'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import type { ActionFormProps } from './form-props'

/** 协办: a colleague helps; the owner stays the owner (首接负责) and answers for the result. */
export function TransferForm({ request, onDone }: ActionFormProps) {
  const [colleague, setColleague] = useState<string[]>([])
  const [note, setNote] = useState('')
  const { busy, problem, setProblem, send } = useSend()
  const submit = () => {
    if (colleague.length !== 1) return setProblem('请选一位同事。')
    if (!note.trim()) return setProblem('请写一下请同事帮什么忙。')
    void send(() => call('requests', 'transfer', { requestId: request._id, toUserId: colleague[0], note: note.trim() }), onDone)
  }
  return (
    <View className="form">
      <ColleaguePicker label="请哪位同事协办（您仍是负责人）" communityId={request.route.communityId} chosen={colleague} onChange={setColleague} single />
      <TextField label="请同事帮什么忙" value={note} onChange={setNote} placeholder="例如：请物业派人修电梯" multiline maxlength={500} />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="primary" busy={busy} onClick={submit}>
        请同事协办
      </ActionButton>
    </View>
  )
}

/** 吹哨报到: the community or the street joins with its own people; the owner stays. */
export function EscalateForm({ request, onDone }: ActionFormProps) {
  const [level, setLevel] = useState<'community' | 'street' | null>(null)
  const [colleagues, setColleagues] = useState<string[]>([])
  const [note, setNote] = useState('')
  const { busy, problem, setProblem, send } = useSend()
  const submit = () => {
    if (!level) return setProblem('请选一下向谁吹哨。')
    if (!note.trim()) return setProblem('请写一下为什么需要上面协调。')
    void send(() => call('requests', 'escalate', { requestId: request._id, level, coHandlerIds: colleagues, note: note.trim() }), onDone)
  }
  return (
    <View className="form">
      <PickOne label="向谁吹哨" options={[{ id: 'community', title: '社区（居委会）' }, { id: 'street', title: '街道' }]} value={level} onChange={setLevel} />
      <ColleaguePicker label="一起办的同事（可不选）" communityId={request.route.communityId} chosen={colleagues} onChange={setColleagues} />
      <TextField label="为什么需要协调" value={note} onChange={setNote} placeholder="例如：涉及两个小区，需要街道协调" multiline maxlength={500} />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="danger" busy={busy} onClick={submit}>
        吹哨上报
      </ActionButton>
    </View>
  )
}
