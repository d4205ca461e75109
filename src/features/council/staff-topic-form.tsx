import { View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { ActionButton } from '@/components/action-button'
import { PhotoField } from '@/components/photo-field'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { usePhotos } from '@/hooks/use-photos'
import { useSend } from '@/hooks/use-send'
import type { Result, TopicScope } from '@/types'
import { ElectorateLine, useElectorate } from './staff-electorate'
import { termsOf, termsProblem, type TermsDraft, type TopicTerms } from './staff-terms-draft'
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
  const { busy, problem, setProblem, send } = useSend()
  const set = (change: Partial<TermsDraft>) => setDraft({ ...draft, ...change })

  const submit = () => {
    if (counting && !scope) return setProblem('请选哪些居民来议。')
    const wrong = termsProblem(draft)
    if (wrong) return setProblem(wrong)
    if (counting && electorate.state !== 'ready') return setProblem('正在数可以投票的户，请稍等再发。')
    // A proposal's scope is its own: nothing to change here, so the words say what is left to do.
    if (counting && electorate.state === 'ready' && electorate.data.units === 0)
      return setProblem(scopeField ? '这个范围现在没有人可以投票，请换一个范围。' : '这个范围现在没有人可以投票，不能采纳；可以选“不采纳”并写明原因。')
    if (photos.notReady) return setProblem(photos.notReady)
    void send(() => run(termsOf(draft, photos.fileIds, Date.now(), fromRequestIds)), onDone)
  }

  return (
    <View className="form council-form">
      {scopeField}
      <TextField label="议题" value={draft.title} onChange={(title) => set({ title })} placeholder="例如：要不要在小区里加装电动车充电桩" maxlength={60} counter />
      <TextField
        label="背景"
        value={draft.background}
        onChange={(background) => set({ background })}
        placeholder="为什么要议、现在是什么情况、大概要花多少钱"
        multiline
        maxlength={3000}
        counter
      />
      <PhotoField label="照片（现场、议事会记录，最多 9 张，可不加）" photos={photos} />
      <VoteFields draft={draft} onChange={setDraft} />
      <WindowField draft={draft} now={Date.now()} onChange={setDraft} />
      {counting && scope && <ElectorateLine loaded={electorate} unit={draft.unit} rule={draft.rule} />}
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="primary" busy={busy} onClick={submit}>
        {busy ? '正在发送…' : button}
      </ActionButton>
    </View>
  )
}
