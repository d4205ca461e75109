import type { ActionInput, ActionName, ActionOutput, FunctionName } from '@/types'
import type { Result } from '@/types/result'
import { sendAction } from './send-action'

/**
 * `call` without the contract's checks, for the code of the weapp main package (首页, 消息, 我的,
 * 我的求助, a request's progress and what they share with other pages). The checks need zod and the
 * whole contract, 136 KB of the 500 KB every resident downloads before the first screen (issue 11).
 *
 * What goes without them: the input is not checked on the device, so a wrong one costs a round trip
 * and comes back from the function as the same INVALID_INPUT naming its fields (the functions check
 * every input against the same contract); and an answer is not checked against the contract, so
 * after a client/server version skew a page could hold data of another shape instead of showing
 * 出错了, and fields the contract does not name are not dropped. The functions build their answers
 * from the same types, checked at compile time, and the pages' own forms check what residents type.
 */
export async function callUnchecked<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: ActionInput<F, A>,
): Promise<Result<ActionOutput<F, A>>> {
  // The typed signature is the contract's; what comes back is trusted to be what it says.
  return (await sendAction(fn, action, input)) as Result<ActionOutput<F, A>>
}
