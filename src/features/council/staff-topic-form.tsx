import { View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { FieldError, fieldBox, Form } from '@/components/form'
import { PhotoField } from '@/components/photo-field'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { usePhotos } from '@/hooks/use-photos'
import type { Result, TopicScope } from '@/types'
import { ElectorateLine, useElectorate } from './staff-electorate'
import { termsOf, termsProblems, type TermsDraft, type TopicTerms } from './staff-terms-draft'
import { VoteFields } from './staff-vote-fields'
import { WindowField } from './staff-window-field'

type Props<T> = {
  initial: TermsDraft
  /** The scope field, where the committee picks the scope here (opening); a proposal's scope is its own. */
  scopeField?: ReactNode
  /** Counted before sending when given: null while nothing is picked yet. */
  scope?: TopicScope | null
  fromRequestIds?: string[]
  button: string
  send: (terms: TopicTerms) => Promise<Result<T>>
  onDone: (answer: T) => void
}

/** A topic's terms (issue 8 "Open a topic"), as the committee gives them to openTopic or to an accepted proposal. */
export function StaffTopicForm<T>({ initial, scopeField, scope, fromRequestIds, button, send: run, onDone }: Props<T>) {
  const [draft, setDraft] = useState(initial)
  const photos = usePhotos(9)
  const counting = scope !== undefined
  const electorate = useElectorate(scope ?? null, draft.unit, draft.rule)
  const set = (change: Partial<TermsDraft>) => setDraft({ ...draft, ...change })

  const scopeProblem = (): string | null => {
    if (!counting) return null
    if (!scope) return '请选哪些居民来议。'
    if (electorate.state !== 'ready') return '正在数可以投票的户，请稍等再发。'
    // A proposal's scope is its own: nothing to change here, so the words say what is left to do.
    if (electorate.data.units === 0) return scopeField ? '这个范围现在没有人可以投票，请换一个范围。' : '这个范围现在没有人可以投票，不能采纳；可以选“不采纳”并写明原因。'
    return null
  }
  const form = useForm({
    values: {
      scope,
      title: draft.title,
      background: draft.background,
      photos: photos.fileIds,
      options: [draft.optionsKind, draft.choices],
      quorumPercent: draft.quorumPercent,
      closesAt: [draft.opensDay, draft.closesDay],
    },
    check: () => ({ scope: scopeProblem(), ...termsProblems(draft), photos: photos.notReady }),
    // Accepting a proposal sends the terms as `topic`.
    paths: { opensAt: 'closesAt', 'topic.title': 'title', 'topic.background': 'background', 'topic.options': 'options', 'topic.quorumPercent': 'quorumPercent', 'topic.closesAt': 'closesAt' },
  })
  const scopeState = form.field('scope')

  return (
    <Form form={form} className="form council-form" button={button} busyButton="正在发送…" onSubmit={() => form.submit(() => run(termsOf(draft, photos.fileIds, Date.now(), fromRequestIds)), onDone)}>
      <View {...fieldBox(scopeState.id, null, 'council-scope')}>
        {scopeField}
        <FieldError error={scopeState.error} />
      </View>
      <TextField label="议题" value={draft.title} onChange={(title) => set({ title })} placeholder="例如：要不要在小区里加装电动车充电桩" maxlength={60} counter {...form.field('title')} />
      <TextField
        label="背景"
        value={draft.background}
        onChange={(background) => set({ background })}
        placeholder="为什么要议、现在是什么情况、大概要花多少钱"
        multiline
        maxlength={3000}
        counter
        {...form.field('background')}
      />
      <PhotoField label="照片（现场、议事会记录，最多 9 张，可不加）" photos={photos} {...form.field('photos')} />
      <VoteFields draft={draft} onChange={setDraft} fields={{ options: form.field('options'), quorumPercent: form.field('quorumPercent') }} />
      <WindowField draft={draft} now={Date.now()} onChange={setDraft} {...form.field('closesAt')} />
      {counting && scope && <ElectorateLine loaded={electorate} unit={draft.unit} rule={draft.rule} />}
    </Form>
  )
}
