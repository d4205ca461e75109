import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { Empty, Failed, Loading } from '@/components/status-views'
import type { Loaded } from '@/hooks/use-result'

type Props<T> = {
  heading: string
  loaded: Loaded<T[]>
  reload: () => void
  idOf: (item: T) => string
  empty: string
  render: (item: T, decided: (word: string) => void) => ReactNode
}

/** A section of the workbench: decided items leave the list at once, the rest stay in their order. */
export function ReviewList<T>({ heading, loaded, reload, idOf, empty, render }: Props<T>) {
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set())
  const decided = (id: string) => (word: string) => {
    setGone((ids) => new Set(ids).add(id))
    void Taro.showToast({ title: word, icon: 'none' })
  }
  const items = loaded.state === 'ready' ? loaded.data.filter((item) => !gone.has(idOf(item))) : []

  return (
    <View className="section">
      <Text className="section__title">{heading}</Text>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Failed code={loaded.code} onRetry={reload} />}
      {loaded.state === 'ready' && items.length === 0 && <Empty>{empty}</Empty>}
      {items.map((item) => (
        <View key={idOf(item)}>{render(item, decided(idOf(item)))}</View>
      ))}
    </View>
  )
}
