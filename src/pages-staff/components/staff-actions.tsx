import { Text } from '@tarojs/components'
import type { ComponentType } from 'react'
import { ActionPanel, type PanelEntry } from '@/components/action-panel'
import { RatingForm } from '@/features/requests/rating-form'
import { staffNoticeKinds, type RequestAction, type RequestDetail } from '@/types'
import type { ActionFormProps } from './action-forms/form-props'
import { EscalateForm, TransferForm } from './action-forms/handover-forms'
import { ReferForm } from './action-forms/refer-form'
import { ReplyForm } from './action-forms/reply-form'
import { RejectForm, ReleaseForm } from './action-forms/review-forms'
import { AcceptForm, CallbackForm, NoteForm } from './action-forms/simple-forms'

/** 代评价 on the 回访 call: the server offers rate/reopen to staff only when the resident has no account, and never to one who handled it. */
function RateForm({ request, onDone }: ActionFormProps) {
  return <RatingForm requestId={request._id} actions={request.availableActions} onDone={onDone} askFor={[]} />
}

type Entry = PanelEntry<RequestAction> & { also?: RequestAction; Form: ComponentType<ActionFormProps> }

/** Every step a worker takes asks to keep hearing of new work, deadlines and reviews (one prompt per step; its form's own button then just sends). */
const step = (action: RequestAction, title: string, tone: Entry['tone'], Form: Entry['Form'], also?: RequestAction): Entry => ({
  action, title, tone, Form, done: '已办好', askFor: staffNoticeKinds, ...(also && { also }),
})

/** The order a handler meets them in; which of them show is the server's answer (availableActions). */
const entries: Entry[] = [
  step('release', '审核通过', 'ok', ReleaseForm),
  step('reject', '审核不通过', 'danger', RejectForm),
  step('accept', '接单', 'ok', AcceptForm),
  step('reply', '答复办理结果', 'ok', ReplyForm),
  step('note', '记录办理进展', 'plain', NoteForm),
  step('transfer', '请同事协办', 'plain', TransferForm),
  step('escalate', '吹哨上报', 'plain', EscalateForm),
  step('refer', '转介（不归社区管）', 'plain', ReferForm),
  step('recordCallback', '记录电话回访', 'plain', CallbackForm),
  step('rate', '代居民评价（回访时）', 'plain', RateForm, 'reopen'),
]

export function StaffActions({ request, onChange }: { request: RequestDetail; onChange: (request: RequestDetail) => void }) {
  const offered = entries.filter((e) => request.availableActions.includes(e.action) || (e.also !== undefined && request.availableActions.includes(e.also)))
  // Once answered, the 回访 is a colleague's who did not handle it (rater-policy.ts): say so, or the handler looks for a missing button.
  if (offered.length === 0) return <Text className="section__note">{request.reply ? '这件事已经答复了。电话回访和代居民评价，由社区里没有经手这件事的同事来做。' : '这件事现在没有需要您办的。'}</Text>
  return <ActionPanel title="现在可以做" entries={offered} onChange={onChange} form={(entry, onDone) => <entry.Form request={request} onDone={onDone} />} />
}
