import { errorText, failureText } from '@/services/error-text'
import { ErrorCode, errorCodes } from '@/types'

describe('the words a resident reads for each error code', () => {
  test('every code in the contract has words, and no word exists for a code that does not', () => {
    expect(Object.keys(errorText).sort()).toEqual(Object.keys(errorCodes).sort())
  })

  test.each(ErrorCode.options)('%s reads as a plain Chinese sentence, not a code or English', (code) => {
    const text = errorText[code]
    expect(text).toMatch(/[\u4e00-\u9fff]/)
    expect(text).toMatch(/。$/)
    expect(text).not.toMatch(/[A-Za-z]/)
  })

  test('no two codes leave the resident with the same words', () => {
    expect(new Set(Object.values(errorText)).size).toBe(ErrorCode.options.length)
  })
})

describe('too often: when to try again, in Beijing time whatever the phone’s zone', () => {
  const beijing = (iso: string): number => Date.parse(`${iso}+08:00`)
  const limited = (retryAt: string) => ({ code: 'RATE_LIMITED' as const, retryAt: new Date(beijing(retryAt)).toISOString() })

  test('later today: the time on the clock', () => {
    expect(failureText(limited('2026-03-05T21:05:00'), beijing('2026-03-05T20:31:00'))).toBe('提交太频繁了，请 21:05 以后再试。')
  })

  test('at midnight: tomorrow', () => {
    expect(failureText(limited('2026-03-06T00:00:00'), beijing('2026-03-05T22:10:00'))).toBe('今天提交太多次了，请明天再试。')
  })

  test('with no time given, and for every other code, the code’s own words', () => {
    expect(failureText({ code: 'RATE_LIMITED' })).toBe(errorText.RATE_LIMITED)
    expect(failureText({ code: 'CONFLICT', retryAt: new Date().toISOString() })).toBe(errorText.CONFLICT)
  })
})
