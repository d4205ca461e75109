import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PickOne } from '@/components/pick-one'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import { wishActionLabels } from '@/services/wish-labels'
import type { WishDetail } from '@/types'
import { ratingLine } from './rating-labels'

type Rating = '5' | '4' | '3' | '2' | '1'
const ratings: { id: Rating; title: string }[] = (['5', '4', '3', '2', '1'] as const).map((id) => ({ id, title: ratingLine(Number(id)) }))

/**
 * The resident says the wish came true: one big button, with a thank-you and a rating for those who
 * like to give them (both optional). Only then is the member credited.
 */
export function ConfirmForm({ wish, onDone }: { wish: WishDetail; onDone: (wish: WishDetail) => void }) {
  const [thanks, setThanks] = useState('')
  const [rating, setRating] = useState<Rating | null>(null)
  const { busy, problem, send } = useSend()
  const confirm = () =>
    send(() => call('wishes', 'confirm', { wishId: wish._id, ...(thanks.trim() ? { thanks: thanks.trim() } : {}), ...(rating ? { rating: Number(rating) } : {}) }), onDone)
  return (
    <View className="form wish-confirm">
      <Text className="form__title">心愿实现了吗？</Text>
      <Text className="form__intro">真的办好了，请点最下面的按钮。想说声谢谢、打个分也可以，不填也行。</Text>
      <TextField label="想对党员说的话（可不填）" value={thanks} onChange={setThanks} placeholder="例如：谢谢您帮我买药" multiline maxlength={200} counter />
      <PickOne label="打个分（可不选）" options={ratings} value={rating} onChange={setRating} />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="ok" busy={busy} onClick={() => void confirm()}>
        {busy ? '正在确认…' : wishActionLabels.confirm}
      </ActionButton>
    </View>
  )
}
