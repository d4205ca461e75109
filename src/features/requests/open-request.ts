import Taro from '@tarojs/taro'
import { askAtTap, followKinds } from '@/services/subscribe'
import type { RequestStatus } from '@/types'
import { finishedRequestStatuses } from '@/types/vocabulary'

export const requestUrl = (requestId: string): string => `/pages/request/index?id=${encodeURIComponent(requestId)}`

/**
 * Opens one of the resident's own requests, from 我提交过的事 or 首页. Opening an unfinished one is a
 * tap to hear how it goes on (progress, then the answer to rate), so that tap asks for those
 * notices, inside the tap as WeChat requires.
 */
export function openRequest(request: { _id: string; status: RequestStatus }): void {
  if (!finishedRequestStatuses.includes(request.status)) void askAtTap(followKinds)
  void Taro.navigateTo({ url: requestUrl(request._id) })
}
