import { useState } from 'react'
import { Form } from '@/components/form'
import { PickOne, type Option } from '@/components/pick-one'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { call } from '@/services/call'
import { askAtTap, useSubscriptions } from '@/services/subscribe'
import { failure } from '@/types'
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
  useSubscriptions()
  const form = useForm({
    values: { name, phone, tenure },
    check: () => ({
      name: name.trim() ? null : '请填写您的姓名。',
      phone: phone.trim() && !PHONE.test(phone.trim()) ? '手机号应是 11 位数字，可以不填。' : null,
      tenure: tenure ? null : '请选一下您是不是这一户的业主。',
    }),
  })

  const submit = () =>
    form.submit(async () => {
      if (!tenure) return failure('INVALID_INPUT', 'tenure: 请选一下您是不是这一户的业主。')
      // The committee's decision comes days later as a 进度 message: the tap is where WeChat lets us ask.
      void askAtTap(['progress'])
      return call('directory', 'requestBinding', { householdId, name: name.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}), tenure })
    }, onDone)

  return (
    <Form form={form} button="提交绑定申请" busyButton="正在提交…" onSubmit={submit}>
      <TextField label="您的姓名" value={name} onChange={setName} placeholder="请填写真实姓名" maxlength={20} {...form.field('name')} />
      <TextField label="手机号（可不填）" value={phone} onChange={setPhone} type="number" placeholder="方便居委会联系您" maxlength={11} {...form.field('phone')} />
      <PickOne label="您和这一户的关系" options={tenures} value={tenure} onChange={setTenure} {...form.field('tenure')} />
    </Form>
  )
}
