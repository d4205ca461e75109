import type { cloudbaseApp } from './cloudbase'
import type { ContentSafety } from './content-safety'

type App = ReturnType<typeof cloudbaseApp>
type SecCheckAnswer = { errcode?: number; errmsg?: string; result?: { suggest?: string; label?: number } }

/**
 * msgSecCheck v2 (security.msgSecCheck, POST /wxa/msg_sec_check) through the SDK's WeChat open-API
 * call (@cloudbase/node-sdk src/wx/index.ts callWxOpenApi). v2 needs the openid of a user active in the
 * last 2 hours, so it runs at submit time with the filer's openid. scene 2 = 评论 (a message others
 * read). Anything but a clear `pass` — risky, review, or the check itself failing — goes to review.
 */
export function wechatContentSafety(app: App): ContentSafety {
  return {
    async checkText(text, { openid }) {
      let answer: SecCheckAnswer | undefined
      try {
        const response = await app.callWxOpenApi({
          apiName: '/wxa/msg_sec_check',
          requestData: { content: text, version: 2, scene: 2, openid },
        })
        answer = (response as { result?: SecCheckAnswer }).result
      } catch (error) {
        console.error('[msgSecCheck]', error)
      }
      if (answer?.errcode === 0 && answer.result?.suggest === 'pass') return { ok: true }
      if (answer?.errcode === 0) return { ok: false, reason: `msgSecCheck: ${answer.result?.suggest ?? '?'} (label ${answer.result?.label ?? '?'})` }
      return { ok: false, reason: `msgSecCheck unavailable (${answer?.errcode ?? 'no answer'})` }
    },
  }
}
