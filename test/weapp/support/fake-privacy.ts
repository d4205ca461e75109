import { reportProblem } from './problems'
import { ApiFail, asyncApi, syncApi, type WxCall } from './wx-api'

/** What the app passes to the resolve function WeChat hands its onNeedPrivacyAuthorization listener. */
export type PrivacyResolution = { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }
type Listener = (resolve: (resolution: PrivacyResolution) => void, eventInfo: { referrer: string }) => void

/**
 * WeChat's privacy consent (用户隐私保护指引, required since 2023-09-15). A person who has not agreed
 * to the current guide makes every privacy API (chooseLocation, chooseImage, …) wait: WeChat calls
 * the app's onNeedPrivacyAuthorization listener with a resolve function, the app shows its own
 * prompt with a <button open-type="agreePrivacyAuthorization" id=…>, and once the person taps it the
 * app calls resolve({ event: 'agree', buttonId }). A disagreement fails the waiting API. With no
 * listener, WeChat shows its own popup; `officialPopupAnswer` says what the person taps there.
 *
 * By default the person agreed long ago; `requireConsent()` makes them someone who has not.
 */
export class FakePrivacy {
  /** Each time WeChat asked the app's listener, with the API that asked. */
  readonly prompts: string[] = []
  /** Each resolve({ event: 'exposureAuthorization' }): the app telling WeChat its prompt is on screen. */
  readonly exposures: string[] = []
  officialPopups = 0
  officialPopupAnswer: 'agree' | 'disagree' = 'disagree'
  private agreed = true
  private listener: Listener | null = null
  private tappedAgreeButtons = new Set<string>()

  requireConsent(): void {
    this.agreed = false
  }

  get hasAgreed(): boolean {
    return this.agreed
  }

  get listening(): boolean {
    return this.listener !== null
  }

  reset(): void {
    this.prompts.length = 0
    this.exposures.length = 0
    this.officialPopups = 0
    this.officialPopupAnswer = 'disagree'
    this.agreed = true
    this.tappedAgreeButtons.clear()
  }

  /** A tap on an agreePrivacyAuthorization button: WeChat records the agreement and its button id. */
  agreeButtonTapped(buttonId: string): void {
    this.tappedAgreeButtons.add(buttonId)
    this.agreed = true
  }

  /** Runs before a privacy API: resolves when it may go on, fails it as WeChat does otherwise. */
  async gate(referrer: string): Promise<void> {
    if (this.agreed) return
    await this.prompt(referrer)
    if (!this.agreed) throw new ApiFail('privacy permission is not authorized')
  }

  /**
   * Asks as WeChat would for `referrer` and settles once the app answers agree or disagree
   * (an exposureAuthorization only says the prompt is showing). Tests may call it directly.
   */
  prompt(referrer: string): Promise<PrivacyResolution> {
    const listener = this.listener
    if (!listener) {
      this.officialPopups++
      if (this.officialPopupAnswer === 'agree') this.agreed = true
      return Promise.resolve({ event: this.officialPopupAnswer })
    }
    this.prompts.push(referrer)
    return new Promise((settle) => {
      let settled = false
      listener((resolution) => {
        if (settled) return reportProblem(`resolve(${JSON.stringify(resolution)}) for ${referrer} after it was already answered`)
        if (resolution.event === 'exposureAuthorization') return void this.exposures.push(referrer)
        settled = true
        if (resolution.event === 'agree' && !(resolution.buttonId && this.tappedAgreeButtons.has(resolution.buttonId))) {
          reportProblem(`resolve({ event: 'agree' }) needs the id of the agreePrivacyAuthorization button the person tapped (got ${resolution.buttonId})`)
        }
        settle(resolution)
      }, { referrer })
    })
  }

  apis(calls: WxCall[]): Record<string, unknown> {
    return {
      onNeedPrivacyAuthorization: syncApi('onNeedPrivacyAuthorization', calls, (listener: Listener) => {
        this.listener = listener
      }),
      requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize', calls, () => this.gate('requirePrivacyAuthorize')),
      getPrivacySetting: asyncApi('getPrivacySetting', calls, () => ({ needAuthorization: !this.agreed, privacyContractName: '《居村通小程序隐私保护指引》' })),
      openPrivacyContract: asyncApi('openPrivacyContract', calls, () => undefined),
    }
  }
}
