import Taro from '@tarojs/taro'

/**
 * Taro substitutes a TARO_APP_* variable only when it is set at build time, and config/index.ts `env`
 * does not list this one yet: unset, `process.env.…` reaches the mini-program, where there is no
 * `process`. Reading it must never stop the filing that follows.
 */
function configuredTemplateId(): string {
  try {
    return (process.env.TARO_APP_SUBSCRIBE_TEMPLATE_ID ?? '').trim()
  } catch {
    return ''
  }
}

/**
 * WeChat allows wx.requestSubscribeMessage only inside a tap handler, and not after an await of a
 * network call ("can only be invoked by user TAP gesture"), so it starts at the submit tap, before the
 * filing call, and is not awaited. The template is the one the functions send with
 * (SUBSCRIBE_TEMPLATE.templateId in cloudbaserc.json); none configured means nothing is asked. A
 * refusal changes nothing: the 消息 page still has every notification.
 */
export function askForUpdates(): void {
  const templateId = configuredTemplateId()
  if (!templateId) return
  // Taro's type also requires Alipay's entityIds; WeChat ignores the empty list.
  Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] }).catch(() => undefined)
}
