import { Text, View } from '@tarojs/components'
import { wishCategoryLabels } from '@/services/wish-labels'
import type { WallLine } from '@/types'
import { relativeLine } from '@/types/calendar'

/** One realised wish on the wall (公示): what kind, the public summary, which branch helped, when. Nothing of who or where. */
export function WallLineCard({ line, now }: { line: WallLine; now: number }) {
  return (
    <View className="card wall-line">
      <View className="wish-card__head">
        <Text className="card__title">{wishCategoryLabels[line.category]}</Text>
        <Text className="wall-line__when">{relativeLine(line.realisedAt, now)}</Text>
      </View>
      <Text className="card__line">{line.summary}</Text>
      <Text className="card__line wall-line__who">{`${line.branchName ?? '社区党员'}帮助实现`}</Text>
    </View>
  )
}
