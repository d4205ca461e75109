import { errorCodes, failure, success, type Result } from '@/types/result'
import type { ErrorCode } from '@/types/errors'
import { send } from './transport'

/**
 * Hands one action to its function and reads the envelope it answers with: the data as it came, or
 * the failure with its closed code. Nothing here knows the contract's schemas, so the weapp main
 * package can call through it without zod (call.ts adds the contract's checks on top).
 */
export async function sendAction(fn: string, action: string, input: unknown): Promise<Result<unknown>> {
  let answer: unknown
  try {
    answer = await send(fn, action, input)
  } catch (error) {
    // No network code in the closed set: an unreachable server is, to the resident, "not done".
    return failure('INTERNAL', `transport: ${error instanceof Error ? error.message : String(error)}`)
  }
  return readEnvelope(answer)
}

function readEnvelope(answer: unknown): Result<unknown> {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) return failure('INTERNAL', 'the answer is not an envelope')
  if (answer.ok === true && 'data' in answer) return success(answer.data)
  // The local host's 401 may carry a code without a message; the code is what the resident is told.
  const code = 'code' in answer ? answer.code : undefined
  if (!isErrorCode(code)) return failure('INTERNAL', 'the failure carries an unknown code')
  const message = 'message' in answer && typeof answer.message === 'string' ? answer.message : errorCodes[code]
  const fields = 'fields' in answer && Array.isArray(answer.fields) ? answer.fields.filter((field): field is string => typeof field === 'string') : undefined
  const retryAt = 'retryAt' in answer && typeof answer.retryAt === 'string' && !Number.isNaN(Date.parse(answer.retryAt)) ? answer.retryAt : undefined
  return retryAt === undefined ? failure(code, message, fields) : { ...failure(code, message, fields), retryAt }
}

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.prototype.hasOwnProperty.call(errorCodes, code)
