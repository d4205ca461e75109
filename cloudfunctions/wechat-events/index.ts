import { z } from 'zod'
import { recordVerdict } from '../shared/runtime/photos'
import { createPushReceiver, type PushHandler } from '../shared/runtime/push-entry'

/**
 * mediaCheckAsync's verdict (音视频内容安全识别 v2, 异步检测结果推送): `trace_id` names the check the
 * call answered; `result.suggest` is pass | review | risky; errcode -1008 means WeChat could not
 * download the media (then there is no verdict to keep).
 */
const MediaCheckPush = z
  .object({
    MsgType: z.literal('event'),
    Event: z.literal('wxa_media_check'),
    trace_id: z.string().min(1).max(128),
    errcode: z.number().int(),
    result: z.object({ suggest: z.string(), label: z.coerce.number() }).loose().optional(),
  })
  .loose()

const mediaCheck: PushHandler<typeof MediaCheckPush> = {
  push: MediaCheckPush,
  async record(push, now) {
    const recorded = await recordVerdict(
      { traceId: push.trace_id, errcode: push.errcode, suggest: push.result?.suggest ?? 'review', label: push.result?.label ?? 0 },
      now,
    )
    if (recorded.outcome === 'unknownTrace') console.warn(`[wechat-events] a media check verdict for no check of ours: ${push.trace_id}`)
    return recorded
  },
}

/**
 * WeChat's message pushes (云开发 → 设置 → 其他设置 → 消息推送: MsgType `event`, Event
 * `wxa_media_check` → this function). A photo's media check verdict: pass shows it, risky hides it
 * and puts its item on the reviewers' tab, anything else leaves it pending (runtime/photos.ts).
 */
export const main = createPushReceiver('wechat-events', { wxa_media_check: mediaCheck as PushHandler })
