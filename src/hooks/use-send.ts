import { useState } from 'react'
import { failureText } from '@/services/error-text'
import type { Result } from '@/types'

/**
 * A form's one call at a time: busy while it runs (a second tap does nothing), and a failure left on
 * screen in a resident's words until the next try.
 */
export function useSend() {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const send = async <T>(run: () => Promise<Result<T>>, then: (data: T) => void) => {
    if (busy) return
    setProblem(null)
    setBusy(true)
    const result = await run()
    setBusy(false)
    if (result.ok) then(result.data)
    else setProblem(failureText(result))
  }
  return { busy, problem, setProblem, send }
}
