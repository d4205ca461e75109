import { View } from '@tarojs/components'
import type { CSSProperties, PropsWithChildren } from 'react'
import { useElderMode } from '@/services/elder-mode'
import { fontScale } from '@/services/font-scale'
import { BackBar } from './back-bar'
import { PrivacySheet } from './privacy-sheet'

/**
 * Every page's root: carries the resident's font scale (and 长辈模式) down to every `fs()` size, and holds the
 * privacy explanation WeChat may ask any page to show before a photo or map picker opens.
 */
export function PageShell({ children }: PropsWithChildren) {
  const scale = fontScale(useElderMode())
  const style = scale === 1 ? undefined : ({ '--jc-fs': String(scale) } as CSSProperties)
  return (
    <View className="page-shell" style={style}>
      <BackBar />
      {children}
      <PrivacySheet />
    </View>
  )
}
