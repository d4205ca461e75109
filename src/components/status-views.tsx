import { Text, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import type { ErrorCode } from '@/types'
import { errorText } from '@/services/error-text'
import { canSignIn, SignedOut } from '@/features/sign-in/signed-out'
import { ActionButton } from './action-button'

export function Loading({ what = '正在加载' }: { what?: string }) {
  return (
    <View className="status status--quiet" aria-live="polite">
      <Text>{what}，请稍等…</Text>
    </View>
  )
}

export function Empty({ children }: PropsWithChildren) {
  return (
    <View className="status status--quiet">
      <Text>{children}</Text>
    </View>
  )
}

export function Failed({ code, onRetry }: { code: ErrorCode; onRetry?: () => void }) {
  // Signed out, a retry cannot help: in H5 the way on is the demo sign-in.
  if (code === 'UNAUTHENTICATED' && canSignIn) return <SignedOut />
  return (
    <View className="status status--bad" role="alert">
      <Text>{errorText[code]}</Text>
      {onRetry && (
        <ActionButton onClick={onRetry}>
          再试一次
        </ActionButton>
      )}
    </View>
  )
}

export type Tone = 'info' | 'ok' | 'warn' | 'bad'

export function Notice({ tone, title, children }: PropsWithChildren<{ tone: Tone; title: string }>) {
  return (
    <View className={`notice notice--${tone}`}>
      <Text className="notice__title">{title}</Text>
      {children && <View className="notice__body">{children}</View>}
    </View>
  )
}

/** A form's problem, announced to screen readers as soon as it appears. */
export function FormError({ children }: { children: string }) {
  return (
    <View className="form__error" role="alert">
      <Text>{children}</Text>
    </View>
  )
}
