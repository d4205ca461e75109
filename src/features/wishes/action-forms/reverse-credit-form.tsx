import { ReasonForm } from '@/components/reason-form'
import { call } from '@/services/call'
import type { WishFormProps } from './form-props'

/**
 * The committee takes a realised wish's credit back with a compensating entry and a reason. Its
 * answer is only a count, so the wish is read again to show what now stands.
 */
export function ReverseCreditForm({ wish, onDone }: WishFormProps) {
  const reverse = async (reason: string) => {
    const reversed = await call('wishes', 'reverseCredit', { wishId: wish._id, reason })
    return reversed.ok ? call('wishes', 'detail', { wishId: wish._id }) : reversed
  }
  return (
    <ReasonForm
      intro="冲销后，这个心愿不再计入党员和支部的服务记录；原来的记录还在，另记一笔冲销。"
      label="冲销的原因"
      placeholder="例如：核实发现并没有办成"
      button="确认冲销积分"
      tone="danger"
      run={reverse}
      onDone={onDone}
    />
  )
}
