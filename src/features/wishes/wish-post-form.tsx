import { View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PhotoField } from '@/components/photo-field'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { householdPlace, type Place } from '@/features/requests/place'
import { usePhotos } from '@/hooks/use-photos'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import { newIdempotencyKey } from '@/services/idempotency-key'
import { askAtTap } from '@/services/subscribe'
import { residentNoticeKinds, type HouseholdView, type WishCategory, type WishDelivery, type WishDetail } from '@/types'
import { DeliveryField } from './delivery-field'
import { defaultNeededBy } from './needed-by'
import { NeededByField } from './needed-by-field'
import { wishDraftProblem } from './wish-draft'
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
  const { busy, problem, setProblem, send } = useSend()

  const submit = () => {
    const wrong = wishDraftProblem({ text, delivery, place, photos })
    if (wrong || !delivery || !place) return setProblem(wrong)
    // WeChat's prompt opens only inside the tap, before anything is awaited; once per form, so a retry
    // does not ask again. Nothing is said to the resident at once (the wish waits for review), so the
    // post need not wait for the answer as filing does.
    if (!asked.current) void askAtTap(residentNoticeKinds)
    asked.current = true
    void send(() => call('wishes', 'post', { idempotencyKey, category, text: text.trim(), photos: photos.fileIds, neededBy, delivery, place: place.target }), onPosted)
  }

  return (
    <View className="form">
      <TextField label="您的心愿" value={text} onChange={setText} placeholder="需要什么帮助，什么时候方便" multiline maxlength={500} counter />
      <PhotoField label="照片（可不拍）" photos={photos} />
      <NeededByField value={neededBy} now={now} onChange={setNeededBy} />
      <DeliveryField value={delivery} onChange={setDelivery} />
      <WishPlaceField household={household} value={place} onChange={setPlace} />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="primary" busy={busy} onClick={submit}>
        {busy ? '正在提交…' : '提交心愿'}
      </ActionButton>
    </View>
  )
}
