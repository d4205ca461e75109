import { Text, View } from '@tarojs/components'

type Props = { title: string; note?: string; badge?: string; onClick: () => void; tone?: 'brand' | 'plain' }

/** A whole-width card that is one tap target: the main way into anything from a page. */
export function BigEntry({ title, note, badge, onClick, tone = 'plain' }: Props) {
  return (
    <View className={`entry entry--${tone}`} role="button" onClick={onClick}>
      <View className="entry__head">
        <Text className="entry__title">{title}</Text>
        {badge && <Text className="entry__badge">{badge}</Text>}
      </View>
      {note && <Text className="entry__note">{note}</Text>}
    </View>
  )
}
