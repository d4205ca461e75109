import { Text } from '@tarojs/components'
import { useState } from 'react'
import { Form } from '@/components/form'
import { PickOne, type Option } from '@/components/pick-one'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { callUnchecked } from '@/services/call-unchecked'
import { outcomeLabels, satisfactionLabels } from '@/services/request-labels'
import { askAtTap, followKinds } from '@/services/subscribe'
import type { NoticeKind, RatingOutcome, RequestAction, RequestDetail, Satisfaction } from '@/types'
import { failure } from '@/types/result'
import { ratingOutcomes, satisfactions } from '@/types/vocabulary'

type Props = {
  requestId: string
  actions: readonly RequestAction[]
  onDone: (request: RequestDetail) => void
  /** What the tap asks the person rating to hear about; a handler rating for a resident hears nothing of it. */
  askFor?: readonly NoticeKind[]
}

/**
 * 回访考评. The server offers `rate` (closing) and `reopen` (没有解决: done again) as separate
 * actions; only the outcomes whose action it offers now are shown, and both go out as `rate`.
 */
export function RatingForm({ requestId, actions, onDone, askFor = followKinds }: Props) {
  const outcomes: Option<RatingOutcome>[] = ratingOutcomes
    .filter((outcome) => actions.includes(outcome === 'unresolved' ? 'reopen' : 'rate'))
    .map((outcome) => ({ id: outcome, title: outcomeLabels[outcome] }))
  const [outcome, setOutcome] = useState<RatingOutcome | null>(null)
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null)
  const [comment, setComment] = useState('')
  const form = useForm({
    values: { outcome, satisfaction, comment },
    check: () => ({
      outcome: outcome ? null : '请选一下事情解决了没有。',
      satisfaction: satisfaction ? null : '请选一下您满不满意。',
    }),
  })

  const submit = () =>
    form.submit(async () => {
      if (!outcome || !satisfaction) return failure('INVALID_INPUT', 'outcome: 请选一下事情解决了没有。')
      // Asked in the tap, never awaited. A grant serves any later notice of its kind: this request's
      // (没有解决 reopens it) or the next one's.
      void askAtTap(askFor)
      return callUnchecked('requests', 'rate', { requestId, outcome, satisfaction, ...(comment.trim() ? { comment: comment.trim() } : {}) })
    }, onDone)

  return (
    <Form form={form} button="提交评价" busyButton="正在提交…" onSubmit={submit}>
      <Text className="form__title">请评价这次办理</Text>
      <PickOne label="事情解决了吗" options={outcomes} value={outcome} onChange={setOutcome} {...form.field('outcome')} />
      {outcome === 'unresolved' && <Text className="form__intro">选“没有解决”，这件事会重新办理。</Text>}
      <PickOne label="您满意吗" options={satisfactions.map((id) => ({ id, title: satisfactionLabels[id] }))} value={satisfaction} onChange={setSatisfaction} {...form.field('satisfaction')} />
      <TextField label="想说的话（可不填）" value={comment} onChange={setComment} placeholder="比如哪里还没弄好" multiline maxlength={300} counter {...form.field('comment')} />
    </Form>
  )
}
