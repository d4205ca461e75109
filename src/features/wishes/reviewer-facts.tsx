import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigEntry } from '@/components/big-entry'
import { Notice } from '@/components/status-views'
import { wishCategoryLabels, wishStatusLabels } from '@/services/wish-labels'
import type { WishDetail, WishMark } from '@/types'
import { dateTimeLine, dayLine } from '@/types/calendar'
import { wishUrl } from './open-wish'

const markWords: Record<WishMark['kind'], string> = { contentFlag: '内容检查提示', repeatCategory: '90 天内同类心愿' }

/** The request the wish became, where this viewer works on it (staff) or follows it (the resident). */
const requestUrl = (wish: WishDetail) => {
  const staff = wish.relations.includes('committee') || wish.relations.includes('gridWorker')
  return `/${staff ? 'pages-staff/request/index' : 'pages/request/index'}?id=${encodeURIComponent(wish.convertedTo ?? '')}`
}

/**
 * What the server tells only the reviewers (marks, the household's recent wishes, lapses, the grid
 * worker's check) and the request a wish became; each shows only when the answer carries it.
 */
export function ReviewerFacts({ wish }: { wish: WishDetail }) {
  const marks = wish.marks ?? []
  const recent = wish.householdRecent ?? []
  const lapses = wish.lapses ?? 0
  return (
    <>
      {marks.length > 0 && (
        <Notice tone="warn" title="核实时请留意">
          {marks.map((mark, index) => (
            <Text key={index}>{`${markWords[mark.kind]}：${mark.detail}`}</Text>
          ))}
        </Notice>
      )}
      {(lapses > 0 || wish.checkAskedAt) && (
        <Notice tone="warn" title="认领和确认">
          {lapses > 0 && <Text>{`认领到期没办好：${lapses} 次`}</Text>}
          {wish.checkAskedAt && <Text>{`${dateTimeLine(wish.checkAskedAt)} 已请网格员走访核实`}</Text>}
        </Notice>
      )}
      {wish.householdRecent && (
        <View className="section">
          <Text className="section__title">这户最近 90 天的其他心愿</Text>
          {recent.length === 0 && <Text className="section__note">没有。</Text>}
          {recent.map((other) => (
            <View key={other._id} className="card wish-recent" role="button" onClick={() => void Taro.navigateTo({ url: wishUrl(other._id) })}>
              <Text className="card__line">{`${dayLine(other.createdAt)} · ${wishCategoryLabels[other.category]} · ${wishStatusLabels[other.status]}`}</Text>
            </View>
          ))}
        </View>
      )}
      {wish.convertedTo && (
        <BigEntry title="看转成的诉求" note="在“有困难找居村”里办理的进度" onClick={() => void Taro.navigateTo({ url: requestUrl(wish) })} />
      )}
    </>
  )
}
