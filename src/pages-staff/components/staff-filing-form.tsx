import { useState } from 'react'
import { Form } from '@/components/form'
import { PhotoField } from '@/components/photo-field'
import { TextField } from '@/components/text-field'
import { draftProblems } from '@/features/requests/draft-problems'
import type { Place } from '@/features/requests/place'
import { RoutePreview } from '@/features/requests/route-preview'
import { useForm } from '@/hooks/use-form'
import { usePhotos } from '@/hooks/use-photos'
import { call } from '@/services/call'
import { newIdempotencyKey } from '@/services/idempotency-key'
import { failure, type Category, type RequestDetail } from '@/types'
import { StaffPlaceField } from './staff-place-field'

export type StaffFilingKind = 'onBehalf' | 'proactive'
type Props = { kind: StaffFilingKind; category: Category; onFiled: (request: RequestDetail) => void }

/** 代办 for a resident who cannot use the app, or 主动治理 for what a patrol found: the same filing, by staff. */
export function StaffFilingForm({ kind, category, onFiled }: Props) {
  const [place, setPlace] = useState<Place | null>(null)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [text, setText] = useState('')
  const photos = usePhotos()
  // One key per form, as for residents: a retried submit must not register the problem twice.
  const [idempotencyKey] = useState(newIdempotencyKey)
  const onBehalf = kind === 'onBehalf'
  const form = useForm({
    values: { place: place?.target ?? null, name, phone, text, photos: photos.fileIds },
    check: () => ({ ...draftProblems({ place, text, phone, photos }), name: onBehalf && !name.trim() ? '请填写居民的称呼。' : null }),
    paths: { 'resident.name': 'name', 'resident.phone': 'phone' },
  })

  const submit = () =>
    form.submit(async () => {
      if (!place) return failure('INVALID_INPUT', 'place: 请先选好是在哪里。')
      const filing = { idempotencyKey, category, text: text.trim(), photos: photos.fileIds, place: place.target }
      return onBehalf
        ? call('requests', 'fileOnBehalf', { ...filing, resident: { name: name.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}) } })
        : call('requests', 'fileProactive', filing)
    }, onFiled)

  return (
    <Form form={form} button="登记" busyButton="正在登记…" onSubmit={submit}>
      <StaffPlaceField value={place} onChange={setPlace} {...form.field('place')} />
      {place && <RoutePreview category={category} place={place} onChooseAgain={() => setPlace(null)} />}
      {onBehalf && (
        <>
          <TextField label="居民怎么称呼" value={name} onChange={setName} placeholder="例如：3号楼王阿姨" maxlength={20} {...form.field('name')} />
          <TextField label="居民电话（可不填）" value={phone} onChange={setPhone} type="number" placeholder="回访时打这个电话" maxlength={11} {...form.field('phone')} />
        </>
      )}
      <TextField label={onBehalf ? '居民说的事' : '发现的问题'} value={text} onChange={setText} placeholder="是什么事、在哪个位置" multiline maxlength={2000} counter {...form.field('text')} />
      <PhotoField label="照片（可不拍）" photos={photos} {...form.field('photos')} />
    </Form>
  )
}
