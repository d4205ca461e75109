import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PhotoField } from '@/components/photo-field'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { draftProblem } from '@/features/requests/draft-problem'
import type { Place } from '@/features/requests/place'
import { RoutePreview } from '@/features/requests/route-preview'
import { usePhotos } from '@/hooks/use-photos'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import { newIdempotencyKey } from '@/services/idempotency-key'
import type { Category, RequestDetail } from '@/types'
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
  const { busy, problem, setProblem, send } = useSend()

  const submit = () => {
    if (kind === 'onBehalf' && !name.trim()) return setProblem('请填写居民的称呼。')
    const wrong = draftProblem({ place, text, phone, photos })
    if (wrong || !place) return setProblem(wrong)
    const filing = { idempotencyKey, category, text: text.trim(), photos: photos.fileIds, place: place.target }
    void send(
      () =>
        kind === 'onBehalf'
          ? call('requests', 'fileOnBehalf', { ...filing, resident: { name: name.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}) } })
          : call('requests', 'fileProactive', filing),
      onFiled,
    )
  }

  return (
    <View className="form">
      <StaffPlaceField value={place} onChange={setPlace} />
      {place && <RoutePreview category={category} place={place} onChooseAgain={() => setPlace(null)} />}
      {kind === 'onBehalf' && (
        <>
          <TextField label="居民怎么称呼" value={name} onChange={setName} placeholder="例如：3号楼王阿姨" maxlength={20} />
          <TextField label="居民电话（可不填）" value={phone} onChange={setPhone} type="number" placeholder="回访时打这个电话" maxlength={11} />
        </>
      )}
      <TextField label={kind === 'onBehalf' ? '居民说的事' : '发现的问题'} value={text} onChange={setText} placeholder="是什么事、在哪个位置" multiline maxlength={2000} counter />
      <PhotoField label="照片（可不拍）" photos={photos} />
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="primary" busy={busy} onClick={submit}>
        {busy ? '正在登记…' : '登记'}
      </ActionButton>
    </View>
  )
}
