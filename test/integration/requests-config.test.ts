import { dueTimes, timerDueAt, timerStep } from '../../cloudfunctions/shared/core/request/deadlines'
import { newRequest } from '../../cloudfunctions/shared/core/request/new-request'
import { applyTransition, SYSTEM } from '../../cloudfunctions/shared/core/request/request.machine'
import { wordlistContentSafety } from '../../cloudfunctions/shared/runtime/content-safety.wordlist'
import { readSettings } from '../../cloudfunctions/shared/runtime/settings'
import type { Request } from '../../types'

/** The function settings, the local content-safety adapter and the timer's index: no database needed. */
describe('function settings from the environment', () => {
  test('unset, they are the local adapters and the default deadlines', () => {
    expect(readSettings({})).toMatchObject({ clock: 'system', contentSafety: 'wordlist', notify: 'outbox', subscribeTemplate: null, wordlistFile: null })
    expect(readSettings({}).deadlines.byCategory.hazard).toEqual({ respondHours: 2, resolveDays: 3 })
  })

  test('a blank variable (an unfilled {{env.X}}) counts as unset', () => {
    expect(readSettings({ CONTENT_SAFETY: '', REQUEST_DEADLINES: '' }).contentSafety).toBe('wordlist')
  })

  test('a deployment’s own deadlines override the defaults', () => {
    const settings = readSettings({ REQUEST_DEADLINES: JSON.stringify({ byCategory: { hazard: { respondHours: 1 } }, remindAtFraction: 0.5 }) })
    expect(settings.deadlines.byCategory.hazard).toEqual({ respondHours: 1, resolveDays: 3 })
    expect(settings.deadlines.remindAtFraction).toBe(0.5)
  })

  test.each([
    ['an unknown adapter', { CONTENT_SAFETY: 'magic' }],
    ['subscribe messages without a template', { NOTIFY_CHANNEL: 'wechat' }],
    ['a template that is not JSON', { NOTIFY_CHANNEL: 'wechat', SUBSCRIBE_TEMPLATE: '{templateId:' }],
    ['deadlines for an unknown category', { REQUEST_DEADLINES: JSON.stringify({ byCategory: { fireworks: { respondHours: 1 } } }) }],
    ['a respond window longer than the resolve one', { REQUEST_DEADLINES: JSON.stringify({ byCategory: { hazard: { respondHours: 100 } } }) }],
    ['a remind point outside the window', { REQUEST_DEADLINES: JSON.stringify({ remindAtFraction: 1.5 }) }],
  ])('fails loudly on %s', (_name, env) => {
    expect(() => readSettings(env)).toThrow(/function settings|deadline|remindAtFraction/)
  })

  test('subscribe messages with a template', () => {
    const template = { templateId: 'tmpl-1', page: 'pages/request/index?id={requestId}', fields: { title: 'thing1', body: 'thing2', time: 'time3' } }
    expect(readSettings({ NOTIFY_CHANNEL: 'wechat', SUBSCRIBE_TEMPLATE: JSON.stringify(template) }).subscribeTemplate).toEqual(template)
  })
})

describe('the local word list', () => {
  const check = wordlistContentSafety(['代开发票'])
  test.each([
    ['a listed word', '专业代开发票', false],
    ['the word with spaces and punctuation between', '代 开-发，票', false],
    ['ordinary words', '楼道里的灯坏了', true],
  ])('%s', async (_name, text, ok) => {
    expect((await check.checkText(text, { openid: 'u' })).ok).toBe(ok)
  })
})

describe('the timer index agrees with the timer', () => {
  const T0 = 1_741_000_000_000
  const HOUR = 3_600_000
  const actor = { userId: 'u-res', user: null, roles: ['resident' as const], gridIds: [], communityIds: [], streetIds: [], branchIds: [] }
  const filed = newRequest(
    {
      _id: 'req-t', idempotencyKey: 'key-00000001', category: 'hazard', text: '电线', photos: [], place: { householdId: 'hh-1' }, location: null, residentId: 'u-res',
      filedBy: { kind: 'resident' }, streetId: 's', route: { communityId: 'c', gridId: 'g', buildingId: null, branchId: null, partyGroupId: null, handlerId: 'u-owner', handlerRole: 'gridWorker', locateRule: 'household', classifyRule: 'x', category: 'hazard' },
    },
    actor,
    T0,
  ).request

  test('nothing is due before timerDueAt; at it, exactly the step the timer then takes; after 督办, nothing', () => {
    let request: Request = (applyTransition(filed, 'dispatch', SYSTEM, T0, { deadlines: dueTimes('hazard', T0) }) as { request: Request }).request
    const taken: string[] = []
    for (let guard = 0; guard < 5; guard++) {
      const due = timerDueAt(request)
      if (due === null) break
      expect(timerStep(request, due - 1)).toBeNull()
      const step = timerStep(request, due)
      expect(step).not.toBeNull()
      request = (applyTransition(request, step!, SYSTEM, due, {}) as { request: Request }).request
      taken.push(`${step}@${(due - T0) / HOUR}h`)
    }
    expect(taken).toEqual(['remind@1.5h', `supervise@${(2 * HOUR + 1) / HOUR}h`])
  })
})
