import { ApiFail, asyncApi, type WxCall } from './wx-api'

/** What a person can answer for one template in WeChat's subscribe prompt. */
export type SubscribeChoice = 'accept' | 'reject' | 'ban' | 'filter'

/**
 * wx.requestSubscribeMessage and wx.getSetting. The prompt answers each template with what the test
 * chose (accept by default); outside a tap it fails as WeChat does, since a subscription may only
 * be asked for at a tap (DESIGN: "Subscribe messages need a user tap to request").
 */
export class FakeSubscribe {
  /** The person switched off all subscribe messages (设置 → 订阅消息): every request fails. */
  mainSwitch = true
  /** Templates the person answered “always” (总是保持以上选择) for, as getSetting reports them. */
  itemSettings: Record<string, 'accept' | 'reject' | 'ban'> = {}
  authSetting: Record<string, boolean> = {}
  private choices: Record<string, SubscribeChoice> = {}
  private everyTemplate: SubscribeChoice = 'accept'

  /** One answer for every template, or one per template id (the rest accepted). */
  answer(choices: SubscribeChoice | Record<string, SubscribeChoice>): void {
    if (typeof choices === 'string') this.everyTemplate = choices
    else this.choices = { ...choices }
  }

  reset(): void {
    this.mainSwitch = true
    this.itemSettings = {}
    this.authSetting = {}
    this.choices = {}
    this.everyTemplate = 'accept'
  }

  apis(calls: WxCall[]): Record<string, unknown> {
    return {
      requestSubscribeMessage: asyncApi('requestSubscribeMessage', calls, ({ tmplIds }, { inTap }) => {
        if (!inTap) throw new ApiFail('can only be invoked by user TAP gesture.')
        if (!Array.isArray(tmplIds) || tmplIds.length === 0) throw new ApiFail('TmplIds can\'t be empty')
        if (tmplIds.length > 3) throw new ApiFail('tmplIds count exceeds the limit of 3 per request')
        if (!this.mainSwitch) throw new ApiFail('the main switch of subscribe messages is off')
        return Object.fromEntries(tmplIds.map((id: string) => [id, this.itemSettings[id] ?? this.choices[id] ?? this.everyTemplate]))
      }),
      getSetting: asyncApi('getSetting', calls, ({ withSubscriptions }) => ({
        authSetting: { ...this.authSetting },
        ...(withSubscriptions ? { subscriptionsSetting: { mainSwitch: this.mainSwitch, itemSettings: { ...this.itemSettings } } } : {}),
      })),
      openSetting: asyncApi('openSetting', calls, () => ({ authSetting: { ...this.authSetting } })),
    }
  }
}
