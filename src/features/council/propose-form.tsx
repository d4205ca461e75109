import { useRef, useState } from 'react'
import { Form } from '@/components/form'
import { PickOne } from '@/components/pick-one'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { call } from '@/services/call'
import { newIdempotencyKey } from '@/services/idempotency-key'
import { askAtTap } from '@/services/subscribe'
import type { HouseholdView, ProposalView } from '@/types'
import { scopeOf, scopeOptions, type ScopeChoice } from './proposal-scope'

const TITLE_MAX = 60
const BACKGROUND_MAX = 3000
const length = (text: string) => [...text.trim()].length

/** A proposal: what should be decided, why, and whose it is to decide — my community unless I narrow it. */
export function ProposeForm({ household, onProposed }: { household: HouseholdView; onProposed: (proposal: ProposalView) => void }) {
  const [title, setTitle] = useState('')
  const [background, setBackground] = useState('')
  const [scope, setScope] = useState<ScopeChoice>('community')
  // One key for the life of this form: a retry after a lost answer must not propose twice.
  const [idempotencyKey] = useState(newIdempotencyKey)
  const asked = useRef(false)
  const form = useForm({
    values: { title, background, scope },
    check: () => ({
      title: length(title) === 0 ? '请写一下要商量什么事。' : length(title) > TITLE_MAX ? `题目最多 ${TITLE_MAX} 个字。` : null,
      background: length(background) === 0 ? '请说一说为什么要商量这件事。' : length(background) > BACKGROUND_MAX ? `情况说明最多 ${BACKGROUND_MAX} 个字。` : null,
    }),
  })

  const submit = () =>
    form.submit(() => {
      // Inside the tap, once per form: the threshold reached and the committee's decision are what the proposer waits for.
      if (!asked.current) void askAtTap(['progress'])
      asked.current = true
      return call('council', 'propose', { idempotencyKey, title: title.trim(), background: background.trim(), scope: scopeOf(scope, household) })
    }, onProposed)

  return (
    <Form form={form} button="发起提议" busyButton="正在提交…" onSubmit={submit}>
      <TextField label="要商量什么事" value={title} onChange={setTitle} placeholder="例如：1号楼楼道加装扶手" maxlength={TITLE_MAX} counter {...form.field('title')} />
      <TextField
        label="情况说明"
        value={background}
        onChange={setBackground}
        placeholder="现在是什么情况，为什么要大家一起商量"
        multiline
        maxlength={BACKGROUND_MAX}
        counter
        {...form.field('background')}
      />
      <PickOne label="请哪些邻居一起商量" options={scopeOptions(household)} value={scope} onChange={setScope} {...form.field('scope')} />
    </Form>
  )
}
