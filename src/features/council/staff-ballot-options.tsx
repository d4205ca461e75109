import { Text, View } from '@tarojs/components'
import { CheckRow } from '@/components/check-row'
import { PickOne } from '@/components/pick-one'
import { optionLabel } from '@/services/council-labels'
import { maxPicksOf, optionKeys, type TopicOptions } from '@/types'

type Props = { options: TopicOptions; value: string[]; onChange: (keys: string[]) => void }

/** What the resident chose, as they said it: one answer, or up to the topic's number of picks. */
export function BallotOptionsField({ options, value, onChange }: Props) {
  const keys = optionKeys(options)
  const max = maxPicksOf(options)
  if (max === 1) {
    return <PickOne label="居民选的是" options={keys.map((id) => ({ id, title: optionLabel(options, id) }))} value={value[0] ?? null} onChange={(key) => onChange([key])} />
  }
  const pick = (key: string) => {
    if (value.includes(key)) return onChange(value.filter((k) => k !== key))
    // A tick past the limit does nothing rather than quietly dropping an earlier one.
    if (value.length < max) onChange(keys.filter((k) => k === key || value.includes(k)))
  }
  return (
    <View className="field" role="group" aria-label="居民选的是">
      <Text className="field__label">{`居民选的是（最多 ${max} 个）`}</Text>
      {keys.map((key) => (
        <CheckRow key={key} label={optionLabel(options, key)} checked={value.includes(key)} onChange={() => pick(key)} />
      ))}
      <Text className="field__hint">{`已选 ${value.length} 个，最多 ${max} 个；要换一个，先点掉已选的。`}</Text>
    </View>
  )
}
