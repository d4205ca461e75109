import { call } from '@/services/call'
import { send } from '@/services/transport'
import { whoami } from './support/fixtures'

// The one test that goes below `call`: it fakes the wire to check what `call` makes of each answer.
jest.mock('@/services/transport', () => ({ send: jest.fn() }))
const wire = jest.mocked(send)

describe('call, the typed client', () => {
  test('sends the function, action and input, and hands back data the contract describes', async () => {
    wire.mockResolvedValue({ ok: true, data: { ...whoami(), secretField: 'dropped' } })
    const result = await call('directory', 'whoami', {})
    expect(wire).toHaveBeenCalledWith('directory', 'whoami', {})
    expect(result).toEqual({ ok: true, data: whoami() })
  })

  test('checks the input before it leaves the device', async () => {
    const result = await call('directory', 'requestBinding', { householdId: 'hh-1', name: '王秀英', phone: '12345' })
    // Named by field, as the functions name theirs, so the form shows it beside the phone box.
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: ['phone'] })
    expect(wire).not.toHaveBeenCalled()
  })

  test('keeps the fields a refusal names: given by the function, or read from its `field: words`', async () => {
    wire.mockResolvedValueOnce({ ok: false, code: 'CONTENT_BLOCKED', message: '姓名里有不宜发布的内容，请修改后再提交', fields: ['name'] })
    expect(await call('directory', 'whoami', {})).toEqual({ ok: false, code: 'CONTENT_BLOCKED', message: '姓名里有不宜发布的内容，请修改后再提交', fields: ['name'] })
    wire.mockResolvedValueOnce({ ok: false, code: 'INVALID_INPUT', message: 'resident.name: Required; photos[0]: not a photo uploaded by you' })
    expect(await call('directory', 'whoami', {})).toMatchObject({ fields: ['resident.name', 'photos'] })
    wire.mockResolvedValueOnce({ ok: false, code: 'CONFLICT', message: 'status: already decided' })
    expect(await call('directory', 'whoami', {})).not.toHaveProperty('fields')
  })

  test('passes a function’s failure through with its code', async () => {
    wire.mockResolvedValue({ ok: false, code: 'FORBIDDEN', message: 'committee only' })
    expect(await call('directory', 'listBindingRequests', { status: 'pending' })).toEqual({ ok: false, code: 'FORBIDDEN', message: 'committee only' })
  })

  test('reads a bare UNAUTHENTICATED without a message', async () => {
    wire.mockResolvedValue({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await call('directory', 'whoami', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  test.each([
    ['data that breaks the contract', { ok: true, data: { userId: 'x' } }],
    ['a code outside the closed set', { ok: false, code: 'TEAPOT', message: '?' }],
    ['something that is not an envelope', '<html>502</html>'],
  ])('turns %s into INTERNAL', async (_what, answer) => {
    wire.mockResolvedValue(answer)
    expect(await call('directory', 'whoami', {})).toMatchObject({ ok: false, code: 'INTERNAL' })
  })

  test('turns a dropped connection into INTERNAL instead of throwing', async () => {
    wire.mockRejectedValue(new TypeError('Failed to fetch'))
    expect(await call('directory', 'whoami', {})).toMatchObject({ ok: false, code: 'INTERNAL' })
  })
})

test('a RATE_LIMITED answer keeps its retryAt for the words; a malformed one is dropped', async () => {
  wire.mockResolvedValueOnce({ ok: false, code: 'RATE_LIMITED', message: 'file: 太频繁了', retryAt: '2026-03-05T13:05:00.000Z' })
  expect(await call('directory', 'whoami', {})).toEqual({ ok: false, code: 'RATE_LIMITED', message: 'file: 太频繁了', retryAt: '2026-03-05T13:05:00.000Z' })
  wire.mockResolvedValueOnce({ ok: false, code: 'RATE_LIMITED', message: 'file: 太频繁了', retryAt: 'soon' })
  expect(await call('directory', 'whoami', {})).not.toHaveProperty('retryAt')
})
