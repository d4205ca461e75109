import type { z } from 'zod'
import { contract, Failure, type ActionName, type FunctionName } from '@/types'

type Spec = { input: z.ZodType; output: z.ZodType }
type SpecOf<F extends FunctionName, A extends ActionName<F>> = (typeof contract)[F][A] extends Spec ? (typeof contract)[F][A] : never

/**
 * What a function answers one action with: the data (as the contract's output describes it), a
 * failure, or a function of the input the page sent (already parsed by the contract's input).
 */
export type Answer<F extends FunctionName, A extends ActionName<F>> =
  | z.input<SpecOf<F, A>['output']>
  | Failure
  | ((input: z.output<SpecOf<F, A>['input']>) => z.input<SpecOf<F, A>['output']> | Failure | Promise<z.input<SpecOf<F, A>['output']> | Failure>)

export type Answers = { [F in FunctionName]?: { [A in ActionName<F>]?: Answer<F, A> } }

export type Envelope = { ok: true; data: unknown } | Failure

export const specOf = (fn: string, action: string): Spec | undefined =>
  fn in contract ? (contract as unknown as Record<string, Record<string, Spec | undefined>>)[fn][action] : undefined

/**
 * Data answers go through the contract's output schema, so a fixture that drifts from the contract
 * fails where the test states it, not somewhere in a page.
 */
export function envelopeOf(spec: Spec, answer: unknown, where: string): Envelope {
  const failed = Failure.safeParse(answer)
  if (failed.success) return failed.data
  const data = spec.output.safeParse(answer)
  if (!data.success) throw new Error(`the answer for ${where} does not match the contract's output:\n${data.error.message}`)
  return { ok: true, data: data.data }
}
