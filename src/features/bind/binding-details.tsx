import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { call } from '@/services/call'
import { errorText } from '@/services/error-text'
import type { BindingRequestView } from '@/types'

const PHONE = /^1\d{10}$/

type Props = { householdId: string; onDone: (request: BindingRequestView) => void }

/** The last step of binding: who is asking. The phone is optional; the committee may call back on it. */
export function BindingDetails({ householdId, onDone }: Props) {
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    if (!name.trim()) return setProblem('请填写您的姓名。')
    if (phone.trim() && !PHONE.test(phone.trim())) return setProblem('手机号应是 11 位数字，可以不填。')
    setProblem(null)
    setBusy(true)
    const result = await call('directory', 'requestBinding', { householdId, name: name.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}) })
    setBusy(false)
    if (result.ok) onDone(result.data)
    else setProblem(errorText[result.code])
  }

  return (
    <View className="form">
      <TextField label="您的姓名" value={name} onChange={setName} placeholder="请填写真实姓名" maxlength={20} />
      <TextField label="手机号（可不填）" value={phone} onChange={setPhone} type="number" placeholder="方便居委会联系您" maxlength={11} />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="primary" busy={busy} onClick={submit}>
        {busy ? '正在提交…' : '提交绑定申请'}
      </ActionButton>
    </View>
  )
}
