import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState, type ComponentType } from 'react'
import { ActionButton } from '@/components/action-button'
import { RatingForm } from '@/features/requests/rating-form'
import { askAtTap } from '@/services/subscribe'
import { staffNoticeKinds, type RequestAction, type RequestDetail } from '@/types'
import type { ActionFormProps } from './action-forms/form-props'
import { EscalateForm, TransferForm } from './action-forms/handover-forms'
import { ReferForm } from './action-forms/refer-form'
import { ReplyForm } from './action-forms/reply-form'
import { RejectForm, ReleaseForm } from './action-forms/review-forms'
import { AcceptForm, CallbackForm, NoteForm } from './action-forms/simple-forms'

/** 代评价 on the 回访 call: the server offers rate/reopen to staff only when the resident has no account. */
function RateForm({ request, onDone }: ActionFormProps) {
  return <RatingForm requestId={request._id} actions={request.availableActions} onDone={onDone} askFor={[]} />
}

type Entry = { action: RequestAction; also?: RequestAction; title: string; tone: 'primary' | 'ok' | 'danger' | 'plain'; Form: ComponentType<ActionFormProps> }

/** The order a handler meets them in; which of them show is the server's answer (availableActions). */
const entries: Entry[] = [
  { action: 'release', title: '审核通过', tone: 'ok', Form: ReleaseForm },
  { action: 'reject', title: '审核不通过', tone: 'danger', Form: RejectForm },
  { action: 'accept', title: '接单', tone: 'ok', Form: AcceptForm },
  { action: 'reply', title: '答复办理结果', tone: 'ok', Form: ReplyForm },
  { action: 'note', title: '记录办理进展', tone: 'plain', Form: NoteForm },
  { action: 'transfer', title: '请同事协办', tone: 'plain', Form: TransferForm },
  { action: 'escalate', title: '吹哨上报', tone: 'plain', Form: EscalateForm },
  { action: 'refer', title: '转介（不归社区管）', tone: 'plain', Form: ReferForm },
  { action: 'recordCallback', title: '记录电话回访', tone: 'plain', Form: CallbackForm },
  { action: 'rate', also: 'reopen', title: '代居民评价（回访时）', tone: 'plain', Form: RateForm },
]

export function StaffActions({ request, onChange }: { request: RequestDetail; onChange: (request: RequestDetail) => void }) {
  const [open, setOpen] = useState<RequestAction | null>(null)
  const offered = entries.filter((e) => request.availableActions.includes(e.action) || (e.also !== undefined && request.availableActions.includes(e.also)))
  if (offered.length === 0) return <Text className="section__note">这件事现在没有需要您办的。</Text>
  // Taking up an action is the tap that asks a worker to keep hearing of new work, deadlines and
  // reviews (one prompt per action; its form's own button then just sends).
  const toggle = (action: RequestAction) => {
    if (open !== action) void askAtTap(staffNoticeKinds)
    setOpen(open === action ? null : action)
  }
  const done = (next: RequestDetail) => {
    setOpen(null)
    onChange(next)
    void Taro.showToast({ title: '已办好', icon: 'none' })
  }
  return (
    <View className="section">
      <Text className="section__title">现在可以做</Text>
      {offered.map(({ action, title, tone, Form }) => (
        <View key={action} className="actions">
          <ActionButton tone={open === action ? 'primary' : tone} onClick={() => toggle(action)}>
            {open === action ? `${title}（收起）` : title}
          </ActionButton>
          {open === action && <Form request={request} onDone={done} />}
        </View>
      ))}
    </View>
  )
}
