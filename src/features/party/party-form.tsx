import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { CheckRow } from '@/components/check-row'
import type { Choice } from '@/components/choice-list'
import { Form } from '@/components/form'
import { SearchableChoiceList } from '@/components/searchable-choice-list'
import { Empty, Failed, Loading } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import { askAtTap, useSubscriptions } from '@/services/subscribe'
import { failure, success, type BranchLevel, type PartyRegistrationView } from '@/types'

const levelLabels: Record<BranchLevel, string> = {
  street: '街道大工委',
  community: '社区大党委',
  grid: '网格党支部',
  building: '楼栋党小组',
  household: '党员中心户',
}

/** Report to a branch; a serving member (在职党员双报到) also names their own organisation. */
export function PartyForm({ onDone }: { onDone: (registration: PartyRegistrationView) => void }) {
  const branches = useResult(async () => {
    const result = await call('directory', 'listBranches', {})
    return result.ok ? success(result.data.map((b): Choice => ({ id: b.id, title: b.name, note: levelLabels[b.level] }))) : result
  }, 'branches')
  const [branch, setBranch] = useState<Choice | null>(null)
  const [name, setName] = useState('')
  const [serving, setServing] = useState(false)
  const [workplace, setWorkplace] = useState('')
  useSubscriptions()
  const form = useForm({
    values: { name, workplace },
    check: () => ({
      name: name.trim() ? null : '请填写您的姓名。',
      workplace: serving && !workplace.trim() ? '请填写您的工作单位。' : null,
    }),
  })

  const submit = () =>
    form.submit(async () => {
      if (!branch) return failure('INVALID_INPUT', 'branchId: 请先选到哪个党组织报到。')
      // The secretary's decision comes later as a 进度 message: the tap is where WeChat lets us ask.
      void askAtTap(['progress'])
      return call('directory', 'registerParty', { branchId: branch.id, name: name.trim(), ...(serving ? { workplace: workplace.trim() } : {}) })
    }, onDone)

  if (!branch) {
    if (branches.state === 'loading') return <Loading />
    if (branches.state === 'failed') return <Failed code={branches.code} onRetry={branches.reload} />
    if (branches.data.length === 0) return <Empty>还没有可以报到的党组织。</Empty>
    return (
      <View>
        <Text className="step-question">第一步：到哪个党组织报到？</Text>
        <SearchableChoiceList choices={branches.data} onPick={setBranch} label="找党组织" placeholder="输入名称，例如 一网格" />
      </View>
    )
  }
  return (
    <Form form={form} button="提交报到" busyButton="正在提交…" onSubmit={submit}>
      <View className="trail">
        <Text className="trail__text">报到到：{branch.title}</Text>
        <ActionButton small onClick={() => setBranch(null)}>
          重新选
        </ActionButton>
      </View>
      <TextField label="您的姓名" value={name} onChange={setName} placeholder="请填写真实姓名" maxlength={20} {...form.field('name')} />
      <CheckRow label="我是在职党员（双报到）" checked={serving} onChange={setServing} />
      {serving && <TextField label="工作单位" value={workplace} onChange={setWorkplace} placeholder="您的组织关系所在单位" maxlength={80} {...form.field('workplace')} />}
    </Form>
  )
}
