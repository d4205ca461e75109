import { useRef, useState } from 'react'
import { Form } from '@/components/form'
import { PhotoField } from '@/components/photo-field'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { usePhotos } from '@/hooks/use-photos'
import { call } from '@/services/call'
import { newIdempotencyKey } from '@/services/idempotency-key'
import { askBeforeSending } from '@/services/subscribe'
import { failure, residentNoticeKinds, type Category, type HouseholdView, type RequestDetail } from '@/types'
import { DuplicateOffer } from './duplicate-offer'
import { draftProblems } from './draft-problems'
import { householdPlace, type Place } from './place'
import { PlaceField } from './place-field'
import { RoutePreview } from './route-preview'

type Props = { category: Category; household: HouseholdView | null; onFiled: (request: RequestDetail) => void; onFollowed: () => void }

/** A resident's filing: where, what, photos, a phone if they like; who will own it is shown before sending. */
export function FilingForm({ category, household, onFiled, onFollowed }: Props) {
  const [place, setPlace] = useState<Place | null>(household ? householdPlace(household) : null)
  const [text, setText] = useState('')
  const [phone, setPhone] = useState('')
  const photos = usePhotos()
  // One key for the life of this form: a retry after a lost answer must not file a second request.
  const [idempotencyKey] = useState(newIdempotencyKey)
  const asked = useRef(false)
  const form = useForm({
    values: { place: place?.target ?? null, text, photos: photos.fileIds, phone },
    check: () => draftProblems({ place, text, phone, photos }),
    paths: { contactPhone: 'phone' },
  })

  const submit = () =>
    form.submit(async () => {
      if (!place) return failure('INVALID_INPUT', 'place: 请先选好是在哪里。')
      // WeChat's prompt opens only here, in the tap, before anything is awaited; once per form, so a
      // retry after a lost answer does not ask again. The filing waits for the answer: its 受理 notice
      // goes out at once and can only be pushed if the grant is already counted.
      const answered = asked.current ? Promise.resolve() : askBeforeSending(residentNoticeKinds)
      asked.current = true
      await answered
      return call('requests', 'file', {
        idempotencyKey,
        category,
        text: text.trim(),
        photos: photos.fileIds,
        place: place.target,
        ...(phone.trim() ? { contactPhone: phone.trim() } : {}),
      })
    }, onFiled)

  return (
    <Form form={form} button="提交" busyButton="正在提交…" onSubmit={submit}>
      <PlaceField household={household} value={place} onChange={setPlace} {...form.field('place')} />
      {place && <RoutePreview category={category} place={place} onChooseAgain={() => setPlace(null)} />}
      {place && <DuplicateOffer category={category} place={place} onFollowed={onFollowed} />}
      <TextField label="遇到了什么事" value={text} onChange={setText} placeholder="说说是什么事、从什么时候开始的" multiline maxlength={2000} counter {...form.field('text')} />
      <PhotoField label="照片（可不拍）" photos={photos} {...form.field('photos')} />
      <TextField label="联系电话（可不填）" value={phone} onChange={setPhone} type="number" placeholder="方便工作人员联系您" maxlength={11} {...form.field('phone')} />
    </Form>
  )
}
