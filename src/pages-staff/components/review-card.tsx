import { Text, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { ActionButton } from '@/components/action-button'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { askAtTap } from '@/services/subscribe'
import { staffNoticeKinds, type Result } from '@/types'

type Props = {
  title: string
  lines: string[]
  /** Shown under the lines, e.g. the reviewer's deliberate look at masked details. */
  extra?: ReactNode
  approveWord: string
  approve: () => Promise<Result<unknown>>
  refuse: (reason: string) => Promise<Result<unknown>>
  onDecided: (word: string) => void
}

/**
 * One request awaiting a decision. Saying no needs a reason, because the resident reads it on their
 * 我的 page (the contract asks for 2–200 characters).
 */
export function ReviewCard({ title, lines, extra, approveWord, approve, refuse, onDecided }: Props) {
  const [refusing, setRefusing] = useState(false)
  const [reason, setReason] = useState('')
  // Two buttons, so the form's frame is drawn here; its errors are shown as every form's are.
  const form = useForm({
    values: { reason },
    check: () => ({ reason: refusing && reason.trim().length < 2 ? '请写明原因（至少两个字），申请人会看到它。' : null }),
  })
  const { busy, problem } = form

  const decide = (run: () => Promise<Result<unknown>>, word: string) =>
    form.submit(() => {
      // A decision is a staff tap: it asks to keep hearing of new work, deadlines and reviews.
      void askAtTap(staffNoticeKinds)
      return run()
    }, () => onDecided(word))

  const confirmRefusal = () => decide(() => refuse(reason.trim()), '已退回')

  return (
    <View className="card review">
      <Text className="card__title">{title}</Text>
      {lines.map((line) => (
        <Text key={line} className="card__line">
          {line}
        </Text>
      ))}
      {extra}
      {refusing && <TextField label="不同意的原因" value={reason} onChange={setReason} placeholder="例如：房号与登记信息不符" multiline maxlength={200} {...form.field('reason')} />}
      {problem && <FormError>{problem}</FormError>}
      <View className="review__actions">
        {refusing ? (
          <>
            <ActionButton tone="danger" busy={busy} onClick={confirmRefusal}>
              确认不同意
            </ActionButton>
            <ActionButton busy={busy} onClick={() => setRefusing(false)}>
              取消
            </ActionButton>
          </>
        ) : (
          <>
            <ActionButton tone="ok" busy={busy} onClick={() => decide(approve, approveWord)}>
              同意
            </ActionButton>
            <ActionButton busy={busy} onClick={() => setRefusing(true)}>
              不同意…
            </ActionButton>
          </>
        )}
      </View>
    </View>
  )
}
