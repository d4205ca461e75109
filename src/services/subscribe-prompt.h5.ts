import { functionsBaseUrl, readDemoToken } from './demo-session'
import type { PromptAnswer } from './subscribe-prompt'

/**
 * The browser has no WeChat. In the local demo the function host stands in for its prompt: it records
 * the templates as accepted in the local WeChat's own ledger, as if the person tapped 允许, and answers
 * what wx.requestSubscribeMessage would. The report that follows goes to the functions as in WeChat,
 * so a notice is then really pushed (the local WeChat's outbox). Nobody keeps a choice here.
 */
export function promptSubscribe(tmplIds: string[]): Promise<PromptAnswer | null> {
  const token = readDemoToken()
  if (!token) return Promise.resolve(null)
  return fetch(`${functionsBaseUrl()}/wechat/request-subscribe`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ tmplIds }),
  }).then(async (res) => {
    if (!res.ok) return null
    const result: unknown = await res.json()
    return typeof result === 'object' && result !== null ? { result: result as Record<string, unknown>, kept: [] } : null
  })
}
