import type { Category } from './category.schema'
import type { OutOfScope, RequestStatus } from './request.schema'
import type { WishCategory } from './wish.schema'

// The contract's fixed lists, words and figures that pages show, apart from the schemas that use them:
// the weapp main package reads these and never loads zod (issue 11: main package under 500 KB). Each
// schema file re-exports its own, so everything else imports them from '@/types' as before.

export const categoryLabels: Record<Category, string> = {
  property: '物业服务',
  hazard: '安全隐患',
  environment: '环境卫生',
  facility: '公共设施',
  elderly: '为老服务',
  neighbour: '邻里纠纷',
  other: '其他',
}

export const wishCategoryLabels: Record<WishCategory, string> = {
  life: '生活帮扶',
  elderlyDisabled: '助老助残',
  study: '助学',
  health: '健康',
  goods: '物品',
  other: '其他',
}

/**
 * What the committee cannot handle, shown before filing and given again on referral: emergencies go
 * to 110/119/120/122 at once (`urgent`), never into a queue with a deadline measured in hours.
 */
export const outOfScopeGuidance: Record<OutOfScope, { label: string; guidance: string; phone: string; urgent: boolean }> = {
  police: { label: '治安警情', guidance: '正在发生打架、偷盗等违法的事，请马上打 110 报警', phone: '110', urgent: true },
  fire: { label: '火灾、燃气泄漏', guidance: '着火、冒烟或闻到煤气味，请马上离开并打 119', phone: '119', urgent: true },
  medical: { label: '急病、受伤', guidance: '有人突然发病或受伤，请马上打 120', phone: '120', urgent: true },
  traffic: { label: '交通事故', guidance: '发生交通事故，请马上打 122', phone: '122', urgent: true },
  court: { label: '法院案件', guidance: '已经起诉或正在审理的案子，请找受理的法院，或打 12348 问法律问题', phone: '12348', urgent: false },
  consumer: { label: '消费纠纷', guidance: '买东西、商家服务的纠纷，请打 12315 消费者投诉', phone: '12315', urgent: false },
  government: { label: '政府部门业务', guidance: '社保、户籍、税务等部门的业务，请打 12345 政务服务热线', phone: '12345', urgent: false },
}

export const ratingOutcomes = ['resolved', 'partly', 'unresolved'] as const
export const satisfactions = ['satisfied', 'basic', 'unsatisfied'] as const

/** Issue 8 Proposals: co-signers gather "within 14 days". */
export const GATHERING_DAYS = 14

/**
 * Where a request ends: nothing more will be said about it. request.machine.ts derives the same from
 * its table (closedStatuses); a unit test holds the two equal.
 */
export const finishedRequestStatuses: readonly RequestStatus[] = ['closed', 'closedUnrated', 'withdrawn', 'referred', 'rejected']
