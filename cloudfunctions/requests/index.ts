import { createFunction } from '../shared/runtime/function-entry'
import { accept } from './accept.use-case'
import { checkDuplicates } from './check-duplicates.use-case'
import { dashboard } from './dashboard.use-case'
import { detail } from './detail.use-case'
import { escalate } from './escalate.use-case'
import { fileOnBehalf, fileProactive } from './file-for-others.use-cases'
import { file } from './file-request.use-case'
import { follow } from './follow.use-case'
import { inbox } from './inbox.use-case'
import { listMine } from './list-mine.use-case'
import { myMessages } from './my-messages.use-case'
import { note } from './note.use-case'
import { rate } from './rate.use-case'
import { recordCallback } from './record-callback.use-case'
import { refer } from './refer.use-case'
import { reply } from './reply.use-case'
import { review } from './review.use-case'
import { transfer } from './transfer.use-case'
import { withdraw } from './withdraw.use-case'

/** 有困难找居村: a resident's request from filing to the rating, and the staff's work on it. */
export const main = createFunction('requests', {
  file,
  listMine,
  detail,
  withdraw,
  rate,
  follow,
  checkDuplicates,
  inbox,
  review,
  accept,
  note,
  transfer,
  escalate,
  refer,
  reply,
  recordCallback,
  fileOnBehalf,
  fileProactive,
  myMessages,
  dashboard,
})
