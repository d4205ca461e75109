import '../styles/places.scss'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ChoiceList, type Choice } from './choice-list'
import { TextField } from './text-field'

/** Past this many rows, finding one's own building by scrolling is slower than typing its number. */
const SEARCH_FROM = 7

/**
 * A ChoiceList with a search box above it that keeps the rows whose name or note holds what was typed
 * (a number: 3 finds 3号楼, 13号楼; a word: 翠湖 finds 翠湖苑's buildings). The order is the list's own
 * (the directory answers in natural order: 2号楼 before 10号楼, 一 before 二).
 */
export function SearchableChoiceList({ choices, onPick, label = '搜索', placeholder = '输入名称或号码，例如 3号楼' }: {
  choices: Choice[]
  onPick: (choice: Choice) => void
  label?: string
  placeholder?: string
}) {
  const [query, setQuery] = useState('')
  if (choices.length < SEARCH_FROM) return <ChoiceList choices={choices} onPick={onPick} />
  const words = query.trim().split(/\s+/).filter(Boolean)
  const shown = choices.filter((choice) => words.every((word) => `${choice.title} ${choice.note ?? ''}`.includes(word)))
  return (
    <View className="searchable">
      <TextField label={label} value={query} onChange={setQuery} placeholder={placeholder} />
      {shown.length > 0 ? (
        <ChoiceList choices={shown} onPick={onPick} />
      ) : (
        <View className="status status--quiet">
          <Text>{`没有找到“${query.trim()}”，换个写法试试，或清空搜索看全部。`}</Text>
        </View>
      )}
    </View>
  )
}
