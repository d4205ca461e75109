import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { CheckRow } from '@/components/check-row'
import { PickOne } from '@/components/pick-one'
import { FormError } from '@/components/status-views'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import { optionLabel } from '@/services/council-labels'
import { askAtTap } from '@/services/subscribe'
import { maxPicksOf, optionKeys, type MyBallot, type OptionKey, type TopicDetail } from '@/types'

type Props = { topic: TopicDetail; initial: OptionKey[]; button: string; onVoted: (ballot: MyBallot) => void; onCancel?: () => void }

/**
 * The ballot: one answer of yes / no / abstain, or up to maxPicks of the choices (a pick past the
 * limit is refused in words, nothing unticked behind the resident's back). Sent in the options' own
 * order, so the same picks always make the same ballot.
 */
export function VoteForm({ topic, initial, button, onVoted, onCancel }: Props) {
  const keys = optionKeys(topic.options)
  const maxPicks = maxPicksOf(topic.options)
  const [picked, setPicked] = useState<OptionKey[]>(initial)
  const { busy, problem, setProblem, send } = useSend()
  const label = (key: OptionKey) => optionLabel(topic.options, key)

  const toggle = (key: OptionKey) => {
    if (picked.includes(key)) return setPicked(picked.filter((k) => k !== key))
    if (picked.length >= maxPicks) return setProblem(`最多只能选 ${maxPicks} 项。想换一项，请先点掉一项。`)
    setProblem(null)
    setPicked([...picked, key])
  }

  const submit = () => {
    if (picked.length === 0) return setProblem(maxPicks === 1 ? '请先选一项。' : `请先选，最多 ${maxPicks} 项。`)
    // WeChat's prompt opens only inside the tap: the result and the follow-through are the news a voter waits for.
    void askAtTap(['progress'])
    const options = keys.filter((key) => picked.includes(key))
    void send(() => call('council', 'vote', { topicId: topic._id, options }), onVoted)
  }

  return (
    <View className="form council-vote">
      {maxPicks === 1 ? (
        <PickOne label="您的选择" options={keys.map((id) => ({ id, title: label(id) }))} value={picked[0] ?? null} onChange={(id) => setPicked([id])} />
      ) : (
        <View className="field" role="group" aria-label="您的选择">
          <Text className="field__label">{`您的选择（最多 ${maxPicks} 项，已选 ${picked.length} 项）`}</Text>
          {keys.map((key) => (
            <CheckRow key={key} label={label(key)} checked={picked.includes(key)} onChange={() => toggle(key)} />
          ))}
        </View>
      )}
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="primary" busy={busy} onClick={submit}>
        {busy ? '正在投票…' : button}
      </ActionButton>
      {onCancel && <ActionButton onClick={onCancel}>不改了</ActionButton>}
    </View>
  )
}
