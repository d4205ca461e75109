import { categoryLabels, outOfScopeGuidance, type Request, type RequestEvent } from '../../types'
import { dateTimeLine } from '../../types/calendar'
import { todoAsks } from '../shared/core/message/message-todo'

const clip = (text: string, max: number) => ([...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`)

/**
 * The line under a notice's title: what happened and what comes next, in words a resident reads at a
 * glance (即时答复: who owns it and by when). Names come from the caller, who has usually read them.
 */
export function noticeBody(event: RequestEvent, request: Request, names: ReadonlyMap<string, string>, toResident: boolean): string {
  const what = `${categoryLabels[request.category]}：${clip(request.text, 24)}`
  const owner = request.ownerId ? (names.get(request.ownerId) ?? '工作人员') : '社区工作人员'
  const d = request.deadlines
  switch (event.action) {
    case 'dispatch':
      return d ? `${what}。由${owner}负责，${dateTimeLine(d.respondBy)}前答复` : what
    case 'accept':
      return d ? `${owner}已接单，${dateTimeLine(d.resolveBy)}前办结` : `${owner}已接单`
    case 'refer':
      return request.referral ? outOfScopeGuidance[request.referral.scope].guidance : what
    case 'reply':
      return `${clip(request.reply?.text ?? '', 40)}${todoAsks.rate.body}`
    case 'remind':
    case 'supervise': {
      const alert = request.alerts[request.alerts.length - 1]
      return alert ? `${what}。${alert.stage === 'respond' ? '答复' : '办结'}时限${dateTimeLine(alert.dueAt)}` : what
    }
    case 'flag':
      // Which word tripped the check is the reviewers' business, not a hint on how to get past it.
      return toResident ? '内容需要人工审核，审核通过后马上派单' : `${what}。${clip(event.note ?? '', 60)}`
    case 'escalate':
    case 'transfer':
      // What one colleague writes to another stays between them (staff-notes.ts: wordsForColleagues).
      return !toResident && event.note ? `${what}。${clip(event.note, 60)}` : what
    case 'note':
    case 'reject':
    case 'reopen':
      return event.note ? `${what}。${clip(event.note, 60)}` : what
    default:
      return what
  }
}
