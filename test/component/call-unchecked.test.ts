import { callUnchecked } from '@/services/call-unchecked'
import { send } from '@/services/transport'
import { whoami } from './support/fixtures'

// The real callUnchecked (setup.ts routes it through the faked `call` for every other test), over a
// faked wire, as call.test.ts does for `call`.
jest.unmock('@/services/call-unchecked')
jest.mock('@/services/transport', () => ({ send: jest.fn() }))
const wire = jest.mocked(send)

describe('callUnchecked, the main package’s client', () => {
  test('sends the input as it is and hands back the data as it came, with no contract checked', async () => {
    wire.mockResolvedValue({ ok: true, data: { ...whoami(), extraField: 'kept' } })
    expect(await callUnchecked('directory', 'whoami', {})).toEqual({ ok: true, data: { ...whoami(), extraField: 'kept' } })
    // A phone the contract refuses goes out; the function's own check answers it (INVALID_INPUT, fields).
    await callUnchecked('directory', 'requestBinding', { householdId: 'hh-1', name: '王秀英', phone: '12345' })
    expect(wire).toHaveBeenLastCalledWith('directory', 'requestBinding', { householdId: 'hh-1', name: '王秀英', phone: '12345' })
  })

  test('reads a refusal as call does: its code, message, the fields it names and a valid retryAt', async () => {
    wire.mockResolvedValueOnce({ ok: false, code: 'INVALID_INPUT', message: 'phone: Invalid' })
    expect(await callUnchecked('directory', 'whoami', {})).toEqual({ ok: false, code: 'INVALID_INPUT', message: 'phone: Invalid', fields: ['phone'] })
    wire.mockResolvedValueOnce({ ok: false, code: 'RATE_LIMITED', message: 'file: 太频繁了', retryAt: '2026-03-05T13:05:00.000Z' })
    expect(await callUnchecked('directory', 'whoami', {})).toEqual({ ok: false, code: 'RATE_LIMITED', message: 'file: 太频繁了', retryAt: '2026-03-05T13:05:00.000Z' })
    wire.mockResolvedValueOnce({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await callUnchecked('directory', 'whoami', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: expect.any(String) })
  })

  test.each([
    ['a code outside the closed set', { ok: false, code: 'TEAPOT', message: '?' }],
    ['a code named like an Object property', { ok: false, code: 'toString', message: '?' }],
    ['something that is not an envelope', '<html>502</html>'],
  ])('turns %s into INTERNAL', async (_what, answer) => {
    wire.mockResolvedValue(answer)
    expect(await callUnchecked('directory', 'whoami', {})).toMatchObject({ ok: false, code: 'INTERNAL' })
  })

  test('turns a dropped connection into INTERNAL instead of throwing', async () => {
    wire.mockRejectedValue(new TypeError('Failed to fetch'))
    expect(await callUnchecked('directory', 'whoami', {})).toMatchObject({ ok: false, code: 'INTERNAL' })
  })
})
