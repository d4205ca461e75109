import type { NoticeKind } from '../../../../types/notice.schema'
import type { Wish, WishEvent } from '../../../../types/wish.schema'
import { todoAsks } from '../message/message-todo'

/**
 * Who hears of a wish's step, by how they stand to it; the runtime turns each into people.
 * `endedClaimer`: the member whose claim this step ended (the event's details.memberId).
 * `branchMembers`: the verified members of the matching branch and the party groups under it.
 * `reviewers`: the committee of the wish's community and the workers of its grid.
 */
export type WishAudience = 'wisher' | 'claimer' | 'endedClaimer' | 'branchMembers' | 'branchSecretary' | 'reviewers' | 'gridWorkers'
/** `kind` picks the subscribe-message template (types/notice.schema.ts) the notice may be pushed with. */
export type WishNotice = { audience: WishAudience; kind: NoticeKind; title: string }

type Rule = (event: WishEvent, wish: Wish) => WishNotice[]

/**
 * Issue 7 Notifications: "published → branch members; claimed → resident; 24 h before lapse →
 * claimer; lapsed → resident and secretary; fulfilled → resident; confirmed → claimer", and widening
 * "the branch secretary is told". Besides those, what a person would otherwise miss: a wish waiting
 * for 核实, the review's outcome, a claim taken back or run out (its member), a cancel request (the
 * claimer), the 7-day check (the grid's workers), a wish that ran past its day.
 */
const rules: Partial<Record<WishEvent['action'], Rule>> = {
  post: () => [{ audience: 'reviewers', kind: 'review', title: '有微心愿待核实' }],
  publish: () => [
    { audience: 'wisher', kind: 'accepted', title: '心愿已发布，等待党员认领' },
    { audience: 'branchMembers', kind: 'newWork', title: '有新的微心愿可以认领' },
  ],
  return: () => [{ audience: 'wisher', kind: 'accepted', title: '心愿没有发布' }],
  convert: () => [{ audience: 'wisher', kind: 'progress', title: '心愿已转为诉求，由网格员办理' }],
  widen: () => [{ audience: 'branchSecretary', kind: 'alert', title: '心愿无人认领，已扩大到社区大党委' }],
  claim: () => [{ audience: 'wisher', kind: 'progress', title: '您的心愿已有党员认领' }],
  release: () => [{ audience: 'wisher', kind: 'progress', title: '认领人放弃了，心愿重新等待认领' }],
  revoke: () => [
    { audience: 'endedClaimer', kind: 'alert', title: '您认领的心愿已被居委会收回' },
    { audience: 'wisher', kind: 'progress', title: '心愿重新等待认领' },
  ],
  remindLapse: () => [{ audience: 'claimer', kind: 'alert', title: '认领的心愿还有 24 小时到期' }],
  lapse: () => [
    { audience: 'wisher', kind: 'progress', title: '认领已到期，心愿重新等待认领' },
    { audience: 'branchSecretary', kind: 'alert', title: '党员认领的心愿到期未完成' },
    { audience: 'endedClaimer', kind: 'alert', title: '您认领的心愿已到期' },
  ],
  fulfil: () => [{ audience: 'wisher', kind: 'replied', title: `心愿已完成${todoAsks.confirm.title}` }],
  confirm: () => [{ audience: 'claimer', kind: 'progress', title: '居民确认心愿已实现，谢谢您' }],
  // The wish is the resident's: a grid worker who confirms it for them tells them so (issue 9).
  confirmByVisit: () => [
    { audience: 'claimer', kind: 'progress', title: '网格员确认心愿已实现，谢谢您' },
    { audience: 'wisher', kind: 'progress', title: '网格员已确认您的心愿已实现' },
  ],
  askToCheck: () => [{ audience: 'gridWorkers', kind: 'alert', title: '心愿完成 7 天未确认，请走访核实' }],
  requestCancel: () => [{ audience: 'claimer', kind: 'alert', title: '居民请求取消心愿' }],
  agreeCancel: () => [{ audience: 'wisher', kind: 'progress', title: '心愿已取消' }],
  expire: () => [{ audience: 'wisher', kind: 'progress', title: '心愿到了需要的日期，无人认领' }],
}

/** The notices one event gives rise to, given the wish as it stands after the event. */
export function wishNoticesFor(event: WishEvent, wish: Wish): WishNotice[] {
  return rules[event.action]?.(event, wish) ?? []
}

/** The member whose claim the event ended, for `endedClaimer`. */
export function endedClaimerOf(event: Pick<WishEvent, 'details'>): string | null {
  const memberId = event.details?.memberId
  return typeof memberId === 'string' ? memberId : null
}
