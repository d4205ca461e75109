import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { ActionButton } from '@/components/action-button'
import { askAtTap } from '@/services/subscribe'
import type { NoticeKind } from '@/types'

/** One step a page offers: its button, and what the toast says once the server answered. */
export type PanelEntry<A extends string> = {
  action: A
  title: string
  tone: 'primary' | 'ok' | 'danger' | 'plain'
  done: string
  /** The notices this tap asks to hear (services/subscribe), asked as the form opens. */
  askFor?: readonly NoticeKind[]
}

type Props<T, E extends PanelEntry<string>> = {
  title: string
  /** Only what the server offers this caller now: the page filters by its availableActions. */
  entries: readonly E[]
  /** The entry's form; it calls `onDone` with the server's answer. */
  form: (entry: E, onDone: (next: T) => void) => ReactNode
  onChange: (next: T) => void
  className?: string
  children?: ReactNode
}

/** A page's steps as buttons, each opening its form under it, one at a time; once done, the page shows the answer. */
export function ActionPanel<T, E extends PanelEntry<string>>({ title, entries, form, onChange, className = 'section', children }: Props<T, E>) {
  const [open, setOpen] = useState<string | null>(null)
  const toggle = (entry: E) => {
    if (open !== entry.action && entry.askFor) void askAtTap(entry.askFor)
    setOpen(open === entry.action ? null : entry.action)
  }
  const done = (entry: E) => (next: T) => {
    setOpen(null)
    onChange(next)
    void Taro.showToast({ title: entry.done, icon: 'none' })
  }
  return (
    <View className={className}>
      <Text className="section__title">{title}</Text>
      {entries.map((entry) => (
        <View key={entry.action} className="actions">
          <ActionButton tone={open === entry.action ? 'primary' : entry.tone} onClick={() => toggle(entry)}>
            {open === entry.action ? `${entry.title}（收起）` : entry.title}
          </ActionButton>
          {open === entry.action && form(entry, done(entry))}
        </View>
      ))}
      {children}
    </View>
  )
}
