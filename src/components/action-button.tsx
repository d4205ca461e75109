import { Button } from '@tarojs/components'
import type { PropsWithChildren } from 'react'

type Props = PropsWithChildren<{ tone?: 'primary' | 'ok' | 'danger' | 'plain'; small?: boolean; busy?: boolean; onClick: () => void }>

/**
 * The app's one button. Two Taro H5 quirks live here: `disabled` is set only while busy, because Taro
 * H5 greys out any button carrying the attribute (even disabled="false"); and there is no `loading`
 * prop, because Taro H5's button inserts its own spinner node, which React then trips over.
 */
export function ActionButton({ tone = 'plain', small, busy, onClick, children }: Props) {
  return (
    <Button className={`btn btn--${tone}${small ? ' btn--small' : ''}`} disabled={busy || undefined} onClick={onClick}>
      {children}
    </Button>
  )
}
