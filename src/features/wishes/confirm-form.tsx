import { Text } from '@tarojs/components'
import { useState } from 'react'
import { Form } from '@/components/form'
import { PickOne } from '@/components/pick-one'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
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
  // Both are optional: nothing to check before sending, but a refusal naming either lands beside it.
  const form = useForm({ values: { thanks, rating }, check: () => ({}) })
  const confirm = () =>
    form.submit(() => call('wishes', 'confirm', { wishId: wish._id, ...(thanks.trim() ? { thanks: thanks.trim() } : {}), ...(rating ? { rating: Number(rating) } : {}) }), onDone)
  return (
    <Form form={form} className="form wish-confirm" tone="ok" button={wishActionLabels.confirm ?? '确认心愿已实现'} busyButton="正在确认…" onSubmit={confirm}>
      <Text className="form__title">心愿实现了吗？</Text>
      <Text className="form__intro">真的办好了，请点最下面的按钮。想说声谢谢、打个分也可以，不填也行。</Text>
      <TextField label="想对党员说的话（可不填）" value={thanks} onChange={setThanks} placeholder="例如：谢谢您帮我买药" multiline maxlength={200} counter {...form.field('thanks')} />
      <PickOne label="打个分（可不选）" options={ratings} value={rating} onChange={setRating} {...form.field('rating')} />
    </Form>
  )
}
