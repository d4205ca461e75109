import type { Due, EscalationLevel, InboxState, RatingOutcome, RequestEvent, RequestRelation, RequestStatus, Satisfaction, Urgency } from '@/types'
import { dateTimeLine } from '@/types/calendar'

/**
 * How each status reads to a resident. Words only: which status follows which is the server's
 * (request.machine.ts), and the buttons come from its availableActions.
 */
export const statusLabels: Record<RequestStatus, string> = {
  submitted: '已提交',
  inReview: '正在审核',
  dispatched: '等待接单',
  accepted: '已接单',
  inProgress: '正在办理',
  escalated: '已上报，协同办理',
  replied: '已答复，等待评价',
  closed: '已办结',
  closedUnrated: '已办结（未评价）',
  withdrawn: '已撤回',
  referred: '已转介其他部门',
  rejected: '没有通过审核',
}

/** One timeline line: what someone did, in a verb phrase that follows their name. */
export const eventLabels: Record<RequestEvent['action'], string> = {
  file: '提交了诉求',
  dispatch: '派给了负责人',
  flag: '转交人工审核',
  release: '审核通过',
  reject: '审核没有通过',
  withdraw: '撤回了诉求',
  accept: '接单了',
  note: '记录了办理进展',
  transfer: '请同事协助办理',
  escalate: '吹哨上报',
  refer: '转介到其他部门',
  reply: '答复了办理结果',
  rate: '做了评价',
  reopen: '评价没有解决，重新办理',
  autoClose: '7 天没有评价，自动结案',
  recordCallback: '做了电话回访',
  follow: '有邻居也遇到了',
  remind: '催办',
  supervise: '督办',
}

export const outcomeLabels: Record<RatingOutcome, string> = { resolved: '解决了', partly: '部分解决', unresolved: '没有解决' }
export const satisfactionLabels: Record<Satisfaction, string> = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' }
export const urgencyLabels: Record<Urgency, string> = { overdue: '已超时', dueSoon: '快到期', onTime: '按时' }
export const escalationLabels: Record<EscalationLevel, string> = { none: '', community: '已吹哨到社区', street: '已吹哨到街道' }
export const inboxStateLabels: Record<InboxState, string> = {
  review: '待审核',
  toAccept: '待接单',
  inHand: '办理中',
  awaitingRating: '待评价',
  done: '已办结',
}

const stageWords: Record<Due['stage'], string> = { respond: '前答复', resolve: '前办好', rate: '前请评价' }

/** The clock that runs now, as the server classified it, in Beijing time: “3月5日 14:00 前答复（快到期）”. */
export const dueLine = (due: Due): string => {
  const line = `${dateTimeLine(due.dueAt)} ${stageWords[due.stage]}`
  return due.urgency === 'onTime' ? line : `${line}（${urgencyLabels[due.urgency]}）`
}

/** Who did it, when the server has no name to give (the timer, a resident without an account). */
export const relationLabels: Record<RequestRelation, string> = {
  requester: '居民',
  owner: '负责人',
  coHandler: '协办人',
  gridStaff: '网格员',
  committee: '居委会',
  streetAdmin: '街道',
  system: '系统',
  other: '邻居',
}
