import type { WishAction, WishCategory, WishDelivery, WishEvent, WishListItem, WishRelation, WishStatus } from '@/types'
import { wishCategoryLabels, deliveryLabels } from '@/types'

export { wishCategoryLabels, deliveryLabels }

/**
 * How each status of a wish reads. Words only: which status follows which is the server's
 * (wish.machine.ts), and the buttons come from its availableActions.
 */
export const wishStatusLabels: Record<WishStatus, string> = {
  inReview: '等待居委会核实',
  published: '等待党员认领',
  claimed: '党员已认领',
  fulfilled: '已完成，等待确认',
  realised: '心愿已实现',
  returned: '没有发布',
  withdrawn: '已撤回',
  converted: '已转为诉求办理',
  expired: '到期未认领',
}

/** One timeline line: what was done, said after who did it (by role, never by name). */
export const wishEventLabels: Record<WishEvent['action'], string> = {
  post: '说出了心愿',
  flag: '转交人工审核',
  publish: '核实后发布',
  return: '退回了心愿',
  convert: '转为诉求办理',
  widen: '本支部无人认领，扩大到社区大党委',
  claim: '认领了心愿',
  release: '放弃了认领',
  revoke: '收回了认领',
  lapse: '认领到期，心愿重新等待认领',
  remindLapse: '提醒认领人：还有 24 小时到期',
  fulfil: '完成了心愿',
  confirm: '确认心愿已实现',
  confirmByVisit: '走访核实，确认心愿已实现',
  askToCheck: '7 天未确认，请网格员走访核实',
  withdraw: '撤回了心愿',
  requestCancel: '请求取消心愿',
  agreeCancel: '同意取消，心愿已撤回',
  expire: '需要的日期已过，无人认领',
}

/** Who did it: the timeline says roles, never names. */
export const wishRelationLabels: Record<WishRelation, string> = {
  wisher: '居民',
  claimer: '认领党员',
  branchMember: '党员',
  widenedMember: '党员',
  committee: '居委会',
  gridWorker: '网格员',
  branchSecretary: '支部书记',
  system: '系统',
  other: '居民',
}

/** The words on each action's button; the forms behind them ask for what the contract needs. */
export const wishActionLabels: Partial<Record<WishAction, string>> = {
  publish: '核实通过，发布',
  return: '退回',
  convert: '转为诉求办理',
  claim: '我来认领',
  release: '放弃认领',
  revoke: '收回认领',
  fulfil: '我已完成',
  confirm: '确认心愿已实现',
  confirmByVisit: '走访/电话确认',
  withdraw: '撤回心愿',
  requestCancel: '请求取消',
  agreeCancel: '同意取消',
}

/**
 * What to write for each category, and what a helper can and cannot do (issue 7: "guidance per
 * category"): a wish is a small thing a neighbour can do, not an emergency or a job for the committee.
 */
export const wishCategoryGuidance: Record<WishCategory, string> = {
  life: '买菜、取快递、陪同办事这类生活上的小忙。',
  elderlyDisabled: '老人、残疾人需要的帮助：买药、陪同就医、读报聊天。',
  study: '孩子上学需要的书包、文具，或者作业辅导。',
  health: '陪同去医院、预约挂号、量血压。急病请马上打 120。',
  goods: '需要的一件东西：轮椅、台灯、衣物。请写清楚大概的样子。',
  other: '其他的小心愿，写清楚需要什么、什么时候需要。',
}

export const deliveryNotes: Record<WishDelivery, string> = {
  home: '党员认领后会看到您的地址和电话，上门帮您。',
  station: '东西送到居委会或党群服务站，您去取；党员不需要知道您家地址。',
}

export const nearLabels: Record<NonNullable<WishListItem['near']>, string> = { building: '同一楼栋', grid: '同一网格', community: '本社区' }
