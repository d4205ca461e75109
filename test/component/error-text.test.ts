import { errorText } from '@/services/error-text'
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
