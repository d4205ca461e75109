import { View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PhotoField } from '@/components/photo-field'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { usePhotos } from '@/hooks/use-photos'
import { call } from '@/services/call'
import { errorText } from '@/services/error-text'
import { newIdempotencyKey } from '@/services/idempotency-key'
import { askBeforeSending } from '@/services/subscribe'
import { residentNoticeKinds, type Category, type HouseholdView, type RequestDetail } from '@/types'
import { DuplicateOffer } from './duplicate-offer'
import { draftProblem } from './draft-problem'
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
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const wrong = draftProblem({ place, text, phone, photos })
    setProblem(wrong)
    if (wrong || !place) return
    // WeChat's prompt opens only here, in the tap, before anything is awaited; once per form, so a
    // retry after a lost answer does not ask again. The filing waits for the answer: its 受理 notice
    // goes out at once and can only be pushed if the grant is already counted.
    const answered = asked.current ? Promise.resolve() : askBeforeSending(residentNoticeKinds)
    asked.current = true
    setBusy(true)
    await answered
    const result = await call('requests', 'file', {
      idempotencyKey,
      category,
      text: text.trim(),
      photos: photos.fileIds,
      place: place.target,
      ...(phone.trim() ? { contactPhone: phone.trim() } : {}),
    })
    setBusy(false)
    if (result.ok) onFiled(result.data)
    else setProblem(errorText[result.code])
  }

  return (
    <View className="form">
      <PlaceField household={household} value={place} onChange={setPlace} />
      {place && <RoutePreview category={category} place={place} onChooseAgain={() => setPlace(null)} />}
      {place && <DuplicateOffer category={category} place={place} onFollowed={onFollowed} />}
      <TextField label="遇到了什么事" value={text} onChange={setText} placeholder="说说是什么事、从什么时候开始的" multiline maxlength={2000} counter />
      <PhotoField label="照片（可不拍）" photos={photos} />
      <TextField label="联系电话（可不填）" value={phone} onChange={setPhone} type="number" placeholder="方便工作人员联系您" maxlength={11} />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="primary" busy={busy} onClick={() => void submit()}>
        {busy ? '正在提交…' : '提交'}
      </ActionButton>
    </View>
  )
}
