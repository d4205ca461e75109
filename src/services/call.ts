import type { z } from 'zod'
import {
  contract,
  ErrorCode,
  errorCodes,
  failure,
  success,
  type ActionInput,
  type ActionName,
  type ActionOutput,
  type FunctionName,
  type Result,
} from '@/types'
import { send } from './transport'

type Spec = { input: z.ZodType; output: z.ZodType }

/**
 * Calls one action of one cloud function. The input is checked against the contract before it leaves
 * the device (so a resident hears about a mistyped phone number at once) and the answer is parsed
 * against it on the way back, so a page only ever holds data the contract describes.
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: ActionInput<F, A>,
): Promise<Result<ActionOutput<F, A>>> {
  // Indexed by generic keys, the contract's schemas lose their types; the signature above restores them.
  const spec = (contract[fn] as Record<string, Spec>)[action]
  const checked = spec.input.safeParse(input)
  // Worded as the functions word it (`path: words; …`), so the fields it names reach the form the same way.
  if (!checked.success) return failure('INVALID_INPUT', checked.error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`).join('; '))

  let answer: unknown
  try {
    answer = await send(fn, action, input)
  } catch (error) {
    // No network code in the closed set: an unreachable server is, to the resident, "not done".
    return failure('INTERNAL', `transport: ${error instanceof Error ? error.message : String(error)}`)
  }
  return readAnswer(answer, spec.output) as Result<ActionOutput<F, A>>
}

function readAnswer(answer: unknown, output: z.ZodType): Result<unknown> {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) return failure('INTERNAL', 'the answer is not an envelope')
  if (answer.ok === true && 'data' in answer) {
    const data = output.safeParse(answer.data)
    return data.success ? success(data.data) : failure('INTERNAL', 'the answer does not match the contract')
  }
  // The local host's 401 may carry a code without a message; the code is what the resident is told.
  const code = ErrorCode.safeParse('code' in answer ? answer.code : undefined)
  if (!code.success) return failure('INTERNAL', 'the failure carries an unknown code')
  const message = 'message' in answer && typeof answer.message === 'string' ? answer.message : errorCodes[code.data]
  const fields = 'fields' in answer && Array.isArray(answer.fields) ? answer.fields.filter((field): field is string => typeof field === 'string') : undefined
  const retryAt = 'retryAt' in answer && typeof answer.retryAt === 'string' && !Number.isNaN(Date.parse(answer.retryAt)) ? answer.retryAt : undefined
  return retryAt === undefined ? failure(code.data, message, fields) : { ...failure(code.data, message, fields), retryAt }
}
