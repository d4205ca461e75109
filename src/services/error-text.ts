import type { ErrorCode, Failure } from '@/types'
import { clockLine, dateTimeLine, dayStamp, startOfNextShanghaiDay } from '@/types/calendar'

/**
 * What a resident is told for each failure: what happened and what to do next, without jargon.
 * A Record over the closed set, so a new code in types/errors.ts fails the build until it has words.
 */
export const errorText: Record<ErrorCode, string> = {
  INVALID_INPUT: '填写的内容有误，请检查后再提交。',
  UNKNOWN_ACTION: '这个功能暂时用不了，请更新小程序后再试。',
  UNAUTHENTICATED: '还没有确认您的身份，请重新进入后再试。',
  FORBIDDEN: '这件事需要相应的工作人员来办，您暂时不能操作。',
  NOT_FOUND: '没有找到这条信息，可能已经被删除或修改。',
  CONFLICT: '这件事已经有人处理过了，请刷新后再看。',
  DUPLICATE: '您已经提交过了，请耐心等待处理结果。',
  OUT_OF_AREA: '这个位置不在我们服务的社区里，请换一个位置试试。',
  CONTENT_BLOCKED: '填写的文字里有不宜发布的内容，请修改后再提交。',
  UNAVAILABLE: '内容检查暂时不可用，您填写的还在，请稍后再提交。',
  RATE_LIMITED: '提交太频繁了，请过一会儿再试。',
  INTERNAL: '这次没有办成，请检查网络后再试一次。',
}

/**
 * The words for one failure: the code's, or for RATE_LIMITED the time it goes through again, in
 * Beijing time whatever the phone's zone (请 21:05 以后再试; at midnight, 请明天再试).
 */
export function failureText(failure: Pick<Failure, 'code' | 'retryAt'>, now: number = Date.now()): string {
  const retryAt = failure.code === 'RATE_LIMITED' && failure.retryAt !== undefined ? Date.parse(failure.retryAt) : NaN
  if (Number.isNaN(retryAt)) return errorText[failure.code]
  if (retryAt === startOfNextShanghaiDay(now)) return '今天提交太多次了，请明天再试。'
  const when = dayStamp(retryAt) === dayStamp(now) ? clockLine(retryAt) : dateTimeLine(retryAt)
  return `提交太频繁了，请 ${when} 以后再试。`
}
