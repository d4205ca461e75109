import type { PrivacyResolution } from './support/fake-privacy'
import { duringTap } from './support/gesture'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

type Listener = (resolve: (resolution: PrivacyResolution) => void, info: { referrer: string }) => void
const wx = (globalThis as unknown as { wx: { onNeedPrivacyAuthorization(listener: Listener): void } }).wx
const place = { latitude: 31.1851, longitude: 121.4334, name: '康乐小区3号楼' }

// The fakes the privacy prompt and the subscription requests will be tested against, shown working
// through the same wx calls the app makes; the app's own prompt comes with its component.
describe('wx.requestSubscribeMessage', () => {
  test('outside a tap it fails as WeChat does', async () => {
    await expect(weapp.callWx('requestSubscribeMessage', { tmplIds: ['T-progress'] })).rejects.toEqual({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.' })
  })

  test('at a tap it answers each template with what the test chose, and getSetting reports the switches', async () => {
    weapp.subscribe.answer({ 'T-reply': 'reject' })
    const asked = duringTap(() => weapp.callWx('requestSubscribeMessage', { tmplIds: ['T-progress', 'T-reply'] }))
    await expect(asked).resolves.toEqual({ errMsg: 'requestSubscribeMessage:ok', 'T-progress': 'accept', 'T-reply': 'reject' })
    weapp.subscribe.itemSettings = { 'T-progress': 'accept' }
    await expect(weapp.callWx('getSetting', { withSubscriptions: true })).resolves.toEqual({
      errMsg: 'getSetting:ok',
      authSetting: {},
      subscriptionsSetting: { mainSwitch: true, itemSettings: { 'T-progress': 'accept' } },
    })
  })
})

describe('privacy consent (wx.onNeedPrivacyAuthorization)', () => {
  test('a privacy API waits for the app’s prompt; agreeing with the tapped button’s id lets it through', async () => {
    weapp.privacy.requireConsent()
    weapp.media.willPickPlace(place)
    const prompted: string[] = []
    wx.onNeedPrivacyAuthorization((resolve, { referrer }) => {
      prompted.push(referrer)
      resolve({ event: 'exposureAuthorization' })
      // What the consent component does once the person taps its agreePrivacyAuthorization button:
      weapp.privacy.agreeButtonTapped('agree-privacy')
      resolve({ event: 'agree', buttonId: 'agree-privacy' })
    })
    await expect(weapp.callWx('chooseLocation')).resolves.toEqual({ errMsg: 'chooseLocation:ok', address: '', ...place })
    expect(prompted).toEqual(['chooseLocation'])
    await expect(weapp.callWx('getPrivacySetting')).resolves.toMatchObject({ needAuthorization: false })
  })

  test('disagreeing fails the waiting API, and consent stays needed', async () => {
    weapp.privacy.requireConsent()
    wx.onNeedPrivacyAuthorization((resolve) => resolve({ event: 'disagree' }))
    await expect(weapp.callWx('chooseImage', { count: 1 })).rejects.toEqual({ errMsg: 'chooseImage:fail privacy permission is not authorized' })
    await expect(weapp.callWx('requirePrivacyAuthorize')).rejects.toEqual({ errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized' })
    await expect(weapp.callWx('getPrivacySetting')).resolves.toMatchObject({ needAuthorization: true })
    expect(weapp.privacy.prompts).toEqual(['chooseImage', 'requirePrivacyAuthorize'])
  })
})
