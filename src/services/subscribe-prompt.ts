/**
 * WeChat's subscribe prompt, below askAtTap (services/subscribe.ts). Taro picks
 * subscribe-prompt.weapp.ts or subscribe-prompt.h5.ts at build time; this file is what TypeScript
 * and other platforms see, and where there is no WeChat nobody is asked.
 *
 * `result` is WeChat's answer as wx.requestSubscribeMessage gives it (`{ errMsg, [tmplId]: 'accept' |
 * 'reject' | 'ban' | 'filter' }`); `kept` are the ids the person ticked 总是保持以上选择 for, accepted.
 * The prompt must open synchronously, in the tap handler that calls this.
 */
export type PromptAnswer = { result: Record<string, unknown>; kept: string[] }

export function promptSubscribe(_tmplIds: string[]): Promise<PromptAnswer | null> {
  return Promise.resolve(null)
}
