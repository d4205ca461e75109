import { useRef, useState } from 'react'
import { Form } from '@/components/form'
import { PhotoField } from '@/components/photo-field'
import { TextField } from '@/components/text-field'
import { householdPlace, type Place } from '@/features/requests/place'
import { useForm } from '@/hooks/use-form'
import { usePhotos } from '@/hooks/use-photos'
import { call } from '@/services/call'
import { newIdempotencyKey } from '@/services/idempotency-key'
import { askAtTap } from '@/services/subscribe'
import { failure, residentNoticeKinds, type HouseholdView, type WishCategory, type WishDelivery, type WishDetail } from '@/types'
import { DeliveryField } from './delivery-field'
import { defaultNeededBy } from './needed-by'
import { NeededByField } from './needed-by-field'
import { wishDraftProblems } from './wish-draft'
import { WishPlaceField } from './wish-place-field'

type Props = { category: WishCategory; household: HouseholdView | null; now: number; onPosted: (wish: WishDetail) => void }

/** A resident's wish: what, a photo if it helps, by which day, how it should reach them, and where. */
export function WishPostForm({ category, household, now, onPosted }: Props) {
  const [text, setText] = useState('')
  const photos = usePhotos(3)
  const [neededBy, setNeededBy] = useState(() => defaultNeededBy(now))
  const [delivery, setDelivery] = useState<WishDelivery | null>(null)
  const [place, setPlace] = useState<Place | null>(household ? householdPlace(household) : null)
  // One key for the life of this form: a retry after a lost answer must not post a second wish.
  const [idempotencyKey] = useState(newIdempotencyKey)
  const asked = useRef(false)
  const form = useForm({
    values: { text, photos: photos.fileIds, neededBy, delivery, place: place?.target ?? null },
    check: () => wishDraftProblems({ text, delivery, place, photos }),
  })

  const submit = () =>
    form.submit(() => {
      if (!delivery || !place) return Promise.resolve(failure('INVALID_INPUT', 'place: 请先选好在哪里。'))
      // WeChat's prompt opens only inside the tap, before anything is awaited; once per form, so a retry
      // does not ask again. Nothing is said to the resident at once (the wish waits for review), so the
      // post need not wait for the answer as filing does.
      if (!asked.current) void askAtTap(residentNoticeKinds)
      asked.current = true
      return call('wishes', 'post', { idempotencyKey, category, text: text.trim(), photos: photos.fileIds, neededBy, delivery, place: place.target })
    }, onPosted)

  return (
    <Form form={form} button="提交心愿" busyButton="正在提交…" onSubmit={submit}>
      <TextField label="您的心愿" value={text} onChange={setText} placeholder="需要什么帮助，什么时候方便" multiline maxlength={500} counter {...form.field('text')} />
      <PhotoField label="照片（可不拍）" photos={photos} {...form.field('photos')} />
      <NeededByField value={neededBy} now={now} onChange={setNeededBy} {...form.field('neededBy')} />
      <DeliveryField value={delivery} onChange={setDelivery} {...form.field('delivery')} />
      <WishPlaceField household={household} value={place} onChange={setPlace} {...form.field('place')} />
    </Form>
  )
}
