import { dueTimes, timerDueAt, timerStep } from '../../cloudfunctions/shared/core/request/deadlines'
import { newRequest } from '../../cloudfunctions/shared/core/request/new-request'
import { applyTransition, SYSTEM } from '../../cloudfunctions/shared/core/request/request.machine'
import { readSettings } from '../../cloudfunctions/shared/runtime/settings'
import type { Request } from '../../types'

/** The function settings and the timer's index: no database needed. */
describe('function settings from the environment', () => {
  test('unset, there are no templates and the default deadlines hold', () => {
    expect(readSettings({})).toMatchObject({ clock: 'system', miniprogramState: null, templates: {} })
    expect(readSettings({}).deadlines.byCategory.hazard).toEqual({ respondHours: 2, resolveDays: 3 })
  })

  test('a blank variable counts as unset', () => {
    expect(readSettings({ SUBSCRIBE_TEMPLATE_ACCEPTED: '', REQUEST_DEADLINES: '' }).templates).toEqual({})
  })

  test('a deployment’s own deadlines override the defaults', () => {
    const settings = readSettings({ REQUEST_DEADLINES: JSON.stringify({ byCategory: { hazard: { respondHours: 1 } }, remindAtFraction: 0.5 }) })
    expect(settings.deadlines.byCategory.hazard).toEqual({ respondHours: 1, resolveDays: 3 })
    expect(settings.deadlines.remindAtFraction).toBe(0.5)
  })

  test('微心愿’s clocks: the defaults (7-day locks, widening after 3 days), or a deployment’s own', () => {
    expect(readSettings({}).wishes).toMatchObject({ lockDays: { goods: 7, health: 7 }, widenAfterDays: 3 })
    const own = readSettings({ WISH_TIMES: JSON.stringify({ lockDays: { goods: 14 }, widenAfterDays: 2 }) }).wishes
    expect(own).toMatchObject({ lockDays: { goods: 14, health: 7 }, widenAfterDays: 2 })
  })

  test.each([
    ['wish clocks for an unknown category', { WISH_TIMES: JSON.stringify({ lockDays: { food: 3 } }) }],
    ['a wish lock of a year', { WISH_TIMES: JSON.stringify({ lockDays: { goods: 365 } }) }],
    ['an unknown mini-program state', { MINIPROGRAM_STATE: 'beta' }],
    ['template keywords that are not three names', { SUBSCRIBE_TEMPLATE_ALERT: 't', SUBSCRIBE_KEYS_ALERT: 'thing1,time2' }],
    ['deadlines that are not JSON', { REQUEST_DEADLINES: '{hazard:' }],
    ['deadlines for an unknown category', { REQUEST_DEADLINES: JSON.stringify({ byCategory: { fireworks: { respondHours: 1 } } }) }],
    ['a respond window longer than the resolve one', { REQUEST_DEADLINES: JSON.stringify({ byCategory: { hazard: { respondHours: 100 } } }) }],
    ['a remind point outside the window', { REQUEST_DEADLINES: JSON.stringify({ remindAtFraction: 1.5 }) }],
  ])('fails loudly on %s', (_name, env) => {
    expect(() => readSettings(env)).toThrow(/function settings|deadline|remindAtFraction|WISH_TIMES/)
  })

  test('one plain variable per kind of notice names its template, with its keywords', () => {
    const settings = readSettings({ SUBSCRIBE_TEMPLATE_NEW_WORK: 'tmpl-new', SUBSCRIBE_KEYS_NEW_WORK: 'thing4,thing7,time2', SUBSCRIBE_TEMPLATE_REPLIED: 'tmpl-rep', MINIPROGRAM_STATE: 'trial' })
    expect(settings.templates).toEqual({
      newWork: { kind: 'newWork', templateId: 'tmpl-new', keys: { subject: 'thing4', detail: 'thing7', time: 'time2' } },
      replied: { kind: 'replied', templateId: 'tmpl-rep', keys: { subject: 'thing1', detail: 'thing2', time: 'time3' } },
    })
    expect(settings.miniprogramState).toBe('trial')
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
