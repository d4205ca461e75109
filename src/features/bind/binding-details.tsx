import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PickOne, type Option } from '@/components/pick-one'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { call } from '@/services/call'
import { errorText } from '@/services/error-text'
import { askAtTap, useSubscriptions } from '@/services/subscribe'
import type { BindingRequestView, Tenure } from '@/types'

const PHONE = /^1\d{10}$/

type Props = { householdId: string; onDone: (request: BindingRequestView) => void }

/** Only owners vote on what 业主 decide together (民法典 art. 278: a repair fund, the property company); the committee checks it. */
const tenures: Option<Tenure>[] = [
  { id: 'owner', title: '我是业主（房产证上有我的名字）' },
  { id: 'occupant', title: '我是租户或同住的家人' },
]

/** The last step of binding: who is asking. The phone is optional; the committee may call back on it. */
export function BindingDetails({ householdId, onDone }: Props) {
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [tenure, setTenure] = useState<Tenure | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useSubscriptions()

  const submit = async () => {
    if (busy) return
    if (!name.trim()) return setProblem('请填写您的姓名。')
    if (phone.trim() && !PHONE.test(phone.trim())) return setProblem('手机号应是 11 位数字，可以不填。')
    if (!tenure) return setProblem('请选一下您是不是这一户的业主。')
    setProblem(null)
    // The committee's decision comes days later as a 进度 message: the tap is where WeChat lets us ask.
    void askAtTap(['progress'])
    setBusy(true)
    const result = await call('directory', 'requestBinding', { householdId, name: name.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}), tenure })
    setBusy(false)
    if (result.ok) onDone(result.data)
    else setProblem(errorText[result.code])
  }

  return (
    <View className="form">
      <TextField label="您的姓名" value={name} onChange={setName} placeholder="请填写真实姓名" maxlength={20} />
      <TextField label="手机号（可不填）" value={phone} onChange={setPhone} type="number" placeholder="方便居委会联系您" maxlength={11} />
      <PickOne label="您和这一户的关系" options={tenures} value={tenure} onChange={setTenure} />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="primary" busy={busy} onClick={submit}>
        {busy ? '正在提交…' : '提交绑定申请'}
      </ActionButton>
    </View>
  )
}
