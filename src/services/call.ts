import type { z } from 'zod'
import { contract, failure, success, type ActionInput, type ActionName, type ActionOutput, type FunctionName, type Result } from '@/types'
import { sendAction } from './send-action'

type Spec = { input: z.ZodType; output: z.ZodType }

/**
 * Calls one action of one cloud function. The input is checked against the contract before it leaves
 * the device (so a resident hears about a mistyped phone number at once) and the answer is parsed
 * against it on the way back, so a page only ever holds data the contract describes. The weapp main
 * package's code calls through `callUnchecked` instead (call-unchecked.ts says what it goes without).
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

  const answer = await sendAction(fn, action, input)
  if (!answer.ok) return answer
  const data = spec.output.safeParse(answer.data)
  return (data.success ? success(data.data) : failure('INTERNAL', 'the answer does not match the contract')) as Result<ActionOutput<F, A>>
}
