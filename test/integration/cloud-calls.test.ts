import { startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'

/**
 * The cloud calls themselves, through wx-server-sdk exactly as the functions make them
 * (cloudfunctions/shared/runtime/wechat.ts), answered by the local CloudBase with WeChat's answers and
 * errcodes (文本内容安全识别 msgSecCheck v2, 发送订阅消息 subscribeMessage.send, mediaCheckAsync v2).
 */
let cloud: TestCloudbase
let wechat: typeof import('../../cloudfunctions/shared/runtime/wechat')
beforeAll(async () => {
  cloud = await startTestCloudbase({ seed: false })
  wechat = await import('../../cloudfunctions/shared/runtime/wechat')
})
afterAll(() => cloud.close())

const errCodeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: unknown) => (error instanceof wechat.CloudCallError ? error.errCode : `not a CloudCallError: ${String(error)}`),
  )

test('msgSecCheck v2 passes plain words and names the keyword it flags', async () => {
  expect(await wechat.msgSecCheck({ content: '楼下的路灯坏了', openid: 'demo-resident-a', scene: 'forum' })).toEqual({ suggest: 'pass', label: 100, keywords: [] })
  expect(await wechat.msgSecCheck({ content: '专业代\u200b开发票', openid: 'demo-resident-a', scene: 'comment' })).toEqual({
    suggest: 'risky',
    label: 20008,
    keywords: ['代开发票'],
  })
})

test('WeChat’s errcodes come back as CloudCallError with the number', async () => {
  expect(await errCodeOf(wechat.msgSecCheck({ content: '你好', openid: '', scene: 'forum' }))).toBe(40003)
  const send = (over: Partial<Parameters<typeof wechat.sendSubscribeMessage>[0]>) =>
    wechat.sendSubscribeMessage({ touser: 'demo-resident-a', templateId: 'local-accepted', page: 'pages/messages/index', data: { thing1: '诉求已受理', time3: '2026年12月03日 09:00' }, ...over })
  expect(await errCodeOf(send({}))).toBe(wechat.NO_SUBSCRIPTION)
  expect(await errCodeOf(send({ data: { thing1: '这是一段超过二十个字的事项说明，订阅消息不收这么长的字', time3: '2026年12月03日 09:00' } }))).toBe(47003)
  expect(await errCodeOf(send({ templateId: '' }))).toBe(40037)
})

test('a subscribe message is sent once per accepted tap', async () => {
  cloud.wechat.requestSubscribeMessage('demo-resident-a', { 'local-accepted': 'accept' })
  const message = { touser: 'demo-resident-a', templateId: 'local-accepted', page: 'pages/messages/index', data: { thing1: '诉求已受理', thing2: '网格员周丽已接单', time3: '2026年12月03日 09:00' } }
  await wechat.sendSubscribeMessage(message)
  expect(await errCodeOf(wechat.sendSubscribeMessage(message))).toBe(wechat.NO_SUBSCRIPTION)
  expect(cloud.sentTo('demo-resident-a')).toEqual([expect.objectContaining({ data: message.data, miniprogramState: 'formal' })])
})

test('mediaCheckAsync answers a trace id at once', async () => {
  const { traceId } = await wechat.mediaCheckAsync({ mediaUrl: 'http://127.0.0.1:9/nowhere.jpg', openid: 'demo-resident-a', scene: 'forum' })
  expect(traceId).toMatch(/^[0-9a-f-]{36}$/)
  expect(await errCodeOf(wechat.mediaCheckAsync({ mediaUrl: 'not a url', openid: 'demo-resident-a', scene: 'forum' }))).toBe(47001)
  await cloud.wechat.deliverPendingPushes()
})
