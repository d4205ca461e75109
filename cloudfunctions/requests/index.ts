import type { ScreenedText } from '../shared/runtime/content-safety'
import { requestActions } from '../../types/request.actions'
import { createFunction } from '../shared/runtime/function-entry'
import { preloadRequest } from './request-store'
import { preloadCoHandlers } from './co-handlers'
import { preloadPhotoChecks } from './photo-checks'
import { preloadPhotoAllowance } from './photo-allowance'
import { accept } from './accept.use-case'
import { checkDuplicates } from './check-duplicates.use-case'
import { clearPhotoReview } from './clear-photo-review.use-case'
import { dashboard } from './dashboard.use-case'
import { detail } from './detail.use-case'
import { escalate } from './escalate.use-case'
import { fileOnBehalf, fileProactive, preloadNamedAccount } from './file-for-others.use-cases'
import { preloadFiling } from './filing'
import { file } from './file-request.use-case'
import { follow } from './follow.use-case'
import { inbox, inboxCounts } from './inbox.use-case'
import { listMine } from './list-mine.use-case'
import { markMessagesRead, myMessages, unreadMessages } from './my-messages.use-case'
import { note } from './note.use-case'
import { rate } from './rate.use-case'
import { recordCallback } from './record-callback.use-case'
import { refer } from './refer.use-case'
import { reply } from './reply.use-case'
import { review } from './review.use-case'
import { transfer } from './transfer.use-case'
import { withdraw } from './withdraw.use-case'

const staffNote = (input: { note?: string }): ScreenedText[] => [{ text: input.note, field: 'note', label: '说明', scene: 'comment' }]

/**
 * 有困难找居村: a resident's request from filing to the rating, and the staff's work on it. The request
 * text itself is checked at filing (filing.ts), where a flag holds it for review instead of refusing.
 */
export const main = createFunction('requests', requestActions, {
  file,
  listMine,
  detail,
  withdraw,
  rate,
  follow,
  checkDuplicates,
  inbox,
  inboxCounts,
  review,
  accept,
  note,
  transfer,
  escalate,
  refer,
  reply,
  recordCallback,
  clearPhotoReview,
  fileOnBehalf,
  fileProactive,
  myMessages,
  unreadMessages,
  markMessagesRead,
  dashboard,
}, {
  screened: {
    withdraw: (input) => [{ text: input.note, field: 'note', label: '撤回说明', scene: 'comment' }],
    rate: (input) => [{ text: input.comment, field: 'comment', label: '评价', scene: 'comment' }],
    review: (input) =>
      input.decision === 'reject'
        ? [{ text: input.reason, field: 'reason', label: '退回理由', scene: 'comment' }]
        : [{ text: input.note, field: 'note', label: '说明', scene: 'comment' }],
    accept: staffNote,
    note: staffNote,
    transfer: staffNote,
    escalate: staffNote,
    refer: staffNote,
    recordCallback: staffNote,
    reply: (input) => [{ text: input.text, field: 'text', label: '答复', scene: 'comment' }],
    fileOnBehalf: (input) => [{ text: input.resident.name, field: 'resident.name', label: '居民姓名', scene: 'profile' }],
  },
  preloads: {
    file: preloadFiling('file'),
    fileOnBehalf: (input, caller) => {
      preloadFiling('fileForOthers')(input, caller)
      preloadNamedAccount(input)
    },
    fileProactive: preloadFiling('fileForOthers'),
    detail: preloadRequest,
    withdraw: preloadRequest,
    rate: preloadRequest,
    follow: preloadRequest,
    accept: preloadRequest,
    note: (input, caller) => {
      preloadRequest(input)
      preloadPhotoChecks(input.photos, caller.openid)
      preloadPhotoAllowance(input, caller)
    },
    transfer: (input) => {
      preloadRequest(input)
      preloadCoHandlers([input.toUserId])
    },
    escalate: (input) => {
      preloadRequest(input)
      preloadCoHandlers(input.coHandlerIds)
    },
    refer: preloadRequest,
    reply: (input, caller) => {
      preloadRequest(input)
      preloadPhotoChecks(input.photos, caller.openid)
      preloadPhotoAllowance(input, caller)
    },
    recordCallback: preloadRequest,
    review: preloadRequest,
    clearPhotoReview: preloadRequest,
  },
})
