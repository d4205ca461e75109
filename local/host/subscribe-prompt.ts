import type { SubscribeAnswer } from '../wechat/local-wechat'

/** The part of the local WeChat the stand-in prompt touches. */
export type SubscribeLedger = { requestSubscribeMessage(openid: string, answers: Record<string, SubscribeAnswer>): void }

/**
 * `POST /wechat/request-subscribe`: the browser build's stand-in for wx.requestSubscribeMessage, for a
 * person who taps 允许 on every template. The local WeChat records each one as accepted in its own
 * ledger (so subscribeMessage.send may then spend it), and the answer is the one WeChat gives the app,
 * `{ errMsg, [tmplId]: 'accept' }`, which the app reports to directory.grantSubscriptions as in WeChat.
 * The limits are WeChat's: 1 to 3 template ids a call (errCode 10001 empty, 20003 too many).
 */
export function answerSubscribePrompt(ledger: SubscribeLedger, openid: string, body: Record<string, unknown> | undefined): { status: number; body: unknown } {
  const tmplIds = body?.tmplIds
  const fail = (errCode: number, reason: string) => ({ status: 400, body: { errMsg: `requestSubscribeMessage:fail ${reason}`, errCode } })
  if (!Array.isArray(tmplIds) || !tmplIds.every((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 128)) {
    return fail(10001, 'TmplIds can\'t be empty')
  }
  if (tmplIds.length === 0) return fail(10001, 'TmplIds can\'t be empty')
  if (tmplIds.length > 3) return fail(20003, 'tmplIds count exceeds the limit of 3 per request')
  const answers: Record<string, SubscribeAnswer> = Object.fromEntries(tmplIds.map((id) => [id, 'accept' as const]))
  ledger.requestSubscribeMessage(openid, answers)
  return { status: 200, body: { errMsg: 'requestSubscribeMessage:ok', ...answers } }
}
