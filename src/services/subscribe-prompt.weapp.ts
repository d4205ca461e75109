import Taro from '@tarojs/taro'
import type { PromptAnswer } from './subscribe-prompt'

/**
 * wx.requestSubscribeMessage, started at once (Taro's promise wrapper calls wx synchronously), so it
 * runs inside the tap. Afterwards wx.getSetting({ withSubscriptions }) says which templates the person
 * keeps accepted: its itemSettings lists only those they ticked 总是保持以上选择 for. A failure there
 * only means nobody is known to keep them.
 */
export function promptSubscribe(tmplIds: string[]): Promise<PromptAnswer | null> {
  // Taro's type also requires Alipay's entityIds (WeChat ignores it) and does not list the per-template answers.
  const asked = Taro.requestSubscribeMessage({ tmplIds, entityIds: [] }) as unknown as Promise<Record<string, unknown>>
  return asked.then(async (result) => ({ result, kept: await keptAccepted(tmplIds) }))
}

async function keptAccepted(tmplIds: readonly string[]): Promise<string[]> {
  try {
    const { subscriptionsSetting } = await Taro.getSetting({ withSubscriptions: true })
    const items = (subscriptionsSetting?.itemSettings ?? {}) as Record<string, unknown>
    return tmplIds.filter((id) => items[id] === 'accept')
  } catch {
    return []
  }
}
