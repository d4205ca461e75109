import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PickOne } from '@/components/pick-one'
import { ReasonForm } from '@/components/reason-form'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import { Category, categoryGuidance, categoryLabels } from '@/types'
import type { WishFormProps } from './form-props'

/** 核实 passed: the public summary is all the members (and later the wish wall) read, so it names nobody. */
export function PublishForm({ wish, onDone }: WishFormProps) {
  const [summary, setSummary] = useState('')
  const { busy, problem, setProblem, send } = useSend()
  const submit = () => {
    if (!summary.trim()) return setProblem('请写一句公示内容，党员看到的就是这一句。')
    void send(() => call('wishes', 'review', { wishId: wish._id, decision: 'publish', summary: summary.trim() }), onDone)
  }
  return (
    <View className="form">
      <Text className="form__intro">党员看到的、心愿墙上公示的都是这一句。不要写姓名、门牌号和电话。</Text>
      <TextField label="公示内容" value={summary} onChange={setSummary} placeholder="例如：独居老人需要有人帮忙买降压药" multiline maxlength={60} counter />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="ok" busy={busy} onClick={submit}>
        发布给党员
      </ActionButton>
    </View>
  )
}

/** Not published: the resident reads the reason, so it must say what to change. */
export function ReturnForm({ wish, onDone }: WishFormProps) {
  return (
    <ReasonForm
      label="退回的原因（居民会看到）"
      placeholder="例如：请写清楚需要哪一天、需要什么"
      button="确认退回"
      tone="danger"
      run={(reason) => call('wishes', 'review', { wishId: wish._id, decision: 'return', reason })}
      onDone={onDone}
    />
  )
}

const categories = Category.options.map((id) => ({ id, title: categoryLabels[id] }))

/** Really a job for the committee: a 有困难找居村 request is filed for the resident, in the kind picked here. */
export function ConvertForm({ wish, onDone }: WishFormProps) {
  const [category, setCategory] = useState<Category | null>(null)
  const { busy, problem, setProblem, send } = useSend()
  const submit = () => {
    if (!category) return setProblem('请选一下转成哪一类诉求。')
    void send(() => call('wishes', 'convert', { wishId: wish._id, category }), onDone)
  }
  return (
    <View className="form">
      <Text className="form__intro">这件事由社区来办更合适时用：会替居民提一件“有困难找居村”的诉求，两边互相能查到。</Text>
      <PickOne label="转成哪一类诉求" options={categories} value={category} onChange={setCategory} />
      {category && <Text className="form__intro">{categoryGuidance[category]}</Text>}
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="primary" busy={busy} onClick={submit}>
        确认转为诉求
      </ActionButton>
    </View>
  )
}
