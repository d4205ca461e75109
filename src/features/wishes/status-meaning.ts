import type { WishDetail } from '@/types'
import { dateTimeLine } from '@/types/calendar'

/**
 * What the status means now, for the person looking: the claimer is told what is theirs to do, the
 * wisher what to wait for or do. Which buttons follow is still the server's (availableActions).
 */
export function statusMeaning(wish: WishDetail): string {
  const mine = wish.claim?.mine ?? false
  switch (wish.status) {
    case 'inReview':
      return '居委会正在核实这个心愿，核实后会发给附近党支部的党员。'
    case 'published':
      return wish.audience === 'community' ? '已经发给社区大党委的党员，正在等人认领。' : '已经发给附近党支部的党员，正在等人认领。'
    case 'claimed':
      return mine && wish.claim ? `您认领了这个心愿，请在 ${dateTimeLine(wish.claim.lockUntil)} 前办好，办好后点“我已完成”。` : '有党员认领了，正在帮忙办。'
    case 'fulfilled':
      if (mine) return '您已经办好了，正在等居民确认。'
      return wish.availableActions.includes('confirm') ? '党员说已经办好了。真的办好了，请在下面点“确认心愿已实现”。' : '党员说已经办好了，正在等居民确认。'
    case 'realised':
      return '心愿已经实现了，谢谢帮忙的党员！'
    case 'returned':
      return '居委会没有发布这个心愿，原因写在下面。改一改可以再说一次。'
    case 'withdrawn':
      return '这个心愿已经撤回了。'
    case 'converted':
      return '居委会觉得这件事由社区来办更合适，已经转成“有困难找居村”的事来办。'
    case 'expired':
      return '到了需要的日期还没有党员认领，这个心愿已经结束了。需要的话可以再说一次。'
  }
}
