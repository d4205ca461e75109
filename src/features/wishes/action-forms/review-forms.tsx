import { Text } from '@tarojs/components'
import { useState } from 'react'
import { Form } from '@/components/form'
import { PickOne } from '@/components/pick-one'
import { ReasonForm } from '@/components/reason-form'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { call } from '@/services/call'
import { Category, categoryGuidance, categoryLabels, failure } from '@/types'
import type { WishFormProps } from './form-props'

/** 核实 passed: the public summary is all the members (and later the wish wall) read, so it names nobody. */
export function PublishForm({ wish, onDone }: WishFormProps) {
  const [summary, setSummary] = useState('')
  const form = useForm({ values: { summary }, check: () => ({ summary: summary.trim() ? null : '请写一句公示内容，党员看到的就是这一句。' }) })
  const submit = () => form.submit(() => call('wishes', 'review', { wishId: wish._id, decision: 'publish', summary: summary.trim() }), onDone)
  return (
    <Form form={form} tone="ok" button="发布给党员" intro="党员看到的、心愿墙上公示的都是这一句。不要写姓名、门牌号和电话。" onSubmit={submit}>
      <TextField label="公示内容" value={summary} onChange={setSummary} placeholder="例如：独居老人需要有人帮忙买降压药" multiline maxlength={60} counter {...form.field('summary')} />
    </Form>
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
  const form = useForm({ values: { category }, check: () => ({ category: category ? null : '请选一下转成哪一类诉求。' }) })
  const submit = () =>
    form.submit(async () => (category ? call('wishes', 'convert', { wishId: wish._id, category }) : failure('INVALID_INPUT', 'category: 请选一下转成哪一类诉求。')), onDone)
  return (
    <Form form={form} button="确认转为诉求" intro="这件事由社区来办更合适时用：会替居民提一件“有困难找居村”的诉求，两边互相能查到。" onSubmit={submit}>
      <PickOne label="转成哪一类诉求" options={categories} value={category} onChange={setCategory} {...form.field('category')} />
      {category && <Text className="form__intro">{categoryGuidance[category]}</Text>}
    </Form>
  )
}
