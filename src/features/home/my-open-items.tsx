import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigEntry } from '@/components/big-entry'
import { wishUrl } from '@/features/wishes/open-wish'
import { categoryLabels, wishCategoryLabels, type RequestSummary, type WishListItem } from '@/types'
import { requestNextStep, wishNextStep, type NextStep } from './next-steps'

export type OpenLists = { requests: RequestSummary[]; wishes: WishListItem[] }

type Item = { id: string; title: string; excerpt: string; step: NextStep; url: string }

/** The resident's own unfinished things, theirs to act on first, then the newest. */
export function openItems({ requests, wishes }: OpenLists): Item[] {
  const items: (Item & { at: number })[] = []
  for (const r of requests) {
    const step = requestNextStep(r)
    if (step) items.push({ id: r._id, title: categoryLabels[r.category], excerpt: r.excerpt, step, url: `/pages/request/index?id=${encodeURIComponent(r._id)}`, at: r.updatedAt })
  }
  for (const w of wishes) {
    const step = wishNextStep(w)
    if (step) items.push({ id: w._id, title: `微心愿 · ${wishCategoryLabels[w.category]}`, excerpt: w.excerpt, step, url: wishUrl(w._id), at: w.updatedAt })
  }
  return items.sort((a, b) => Number(b.step.yours) - Number(a.step.yours) || b.at - a.at)
}

type Props = { lists: OpenLists; limit: number }

/**
 * 首页's "我的事": each with its next step as the badge and its first words (two of one kind are
 * told apart by them, in 长辈模式 too); one tap to its page; the full lists one tap further.
 */
export function MyOpenItems({ lists, limit }: Props) {
  const items = openItems(lists)
  if (items.length === 0) return null
  return (
    <View className="section home-items">
      <Text className="section__title">我的事</Text>
      {items.slice(0, limit).map((item) => (
        <BigEntry
          key={item.id}
          tone={item.step.yours ? 'brand' : 'plain'}
          title={item.title}
          badge={item.step.words}
          note={item.excerpt}
          onClick={() => void Taro.navigateTo({ url: item.url })}
        />
      ))}
      {items.length > limit && (
        <View className="home-items__more" role="button" onClick={() => void Taro.navigateTo({ url: '/pages/requests/index' })}>
          <Text className="link">{`还有 ${items.length - limit} 件，点这里看我提交过的事`}</Text>
        </View>
      )}
    </View>
  )
}
