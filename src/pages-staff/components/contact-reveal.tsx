import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FormError } from '@/components/status-views'
import { call } from '@/services/call'
import { errorText } from '@/services/error-text'

/**
 * Lists mask the room and phone; a reviewer who needs them to check the application asks for them
 * here, one applicant at a time, and the server logs the look.
 */
export function ContactReveal({ requestId }: { requestId: string }) {
  const [shown, setShown] = useState<{ room: string; phone?: string } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const reveal = async () => {
    setBusy(true)
    const result = await call('directory', 'bindingContact', { requestId })
    setBusy(false)
    if (result.ok) setShown(result.data)
    else setProblem(errorText[result.code])
  }

  if (shown) {
    return (
      <View className="contact-reveal">
        <Text className="card__line">{`房号 ${shown.room}${shown.phone ? `，电话 ${shown.phone}` : ''}（本次查看已记录）`}</Text>
      </View>
    )
  }
  return (
    <View className="contact-reveal">
      {problem && <FormError>{problem}</FormError>}
      <ActionButton small busy={busy} onClick={reveal}>
        核对时查看完整房号和电话
      </ActionButton>
    </View>
  )
}
