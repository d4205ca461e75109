import { ReasonForm } from '@/components/reason-form'
import type { Result } from '@/types'

type Props<T> = {
  label: string
  placeholder: string
  button: string
  intro?: string
  run: (reason: string) => Promise<Result<T>>
  onDone: (answer: T) => void
}

/** The committee's reasons (cancelling, declining, refusing, hiding) are read by everyone: a framed, red step. */
export function StaffReasonForm<T>(props: Props<T>) {
  return <ReasonForm tone="danger" className="form council-subform" {...props} />
}
