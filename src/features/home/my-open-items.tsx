import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigEntry } from '@/components/big-entry'
import { openRequest } from '@/features/requests/open-request'
import { openWish } from '@/features/wishes/open-wish'
import type { RequestSummary, WishListItem } from '@/types'
import { categoryLabels, wishCategoryLabels } from '@/types/vocabulary'
import { requestNextStep, wishNextStep, type NextStep } from './next-steps'

export type OpenLists = { requests: RequestSummary[]; wishes: WishListItem[] }

type Item = { id: string; title: string; excerpt: string; step: NextStep; open: () => void }

/** The resident's own unfinished things, theirs to act on first, then the newest. */
export function openItems({ requests, wishes }: OpenLists): Item[] {
  const items: (Item & { at: number })[] = []
  for (const r of requests) {
    const step = requestNextStep(r)
    if (step) items.push({ id: r._id, title: categoryLabels[r.category], excerpt: r.excerpt, step, open: () => openRequest(r), at: r.updatedAt })
  }
  for (const w of wishes) {
    const step = wishNextStep(w)
    if (step) items.push({ id: w._id, title: `微心愿 · ${wishCategoryLabels[w.category]}`, excerpt: w.excerpt, step, open: () => openWish(w, { asWisher: true }), at: w.updatedAt })
  }
  return items.sort((a, b) => Number(b.step.yours) - Number(a.step.yours) || b.at - a.at)
}

type Props = { lists: OpenLists; limit: number }

/**
 * 首页's "我的事": each with its next step as the badge and its first words (two of one kind are
 * told apart by them, in 长辈模式 too); one tap to its page, which asks for its notices as opening it
 * from its own list does; the full lists one tap further.
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
          onClick={item.open}
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
