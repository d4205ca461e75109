import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FormError, Notice } from '@/components/status-views'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import { errorText } from '@/services/error-text'
import { statusLabels } from '@/services/request-labels'
import type { Category, DuplicateView } from '@/types'
import { placeKey, type Place } from './place'

/** Coarse on purpose (issue 10, 4): the server says only "your building" or "nearby", never how far. */
const whereLine = (item: Pick<DuplicateView, 'nearness'>) => (item.nearness === 'sameBuilding' ? '就在您这栋楼' : '在您附近')
const agoLine = (days: number) => (days === 0 ? '今天' : days === 1 ? '昨天' : `${days} 天前`)

type Props = { category: Category; place: Place; onFollowed: () => void }

/**
 * Neighbours' open requests of the same kind close by: one +1 helps the handler see how many are
 * affected, where a second filing would only split the work. Shown only when there are some; a
 * failed check never stands between a resident and filing.
 */
export function DuplicateOffer({ category, place, onFollowed }: Props) {
  const found = useResult(() => call('requests', 'checkDuplicates', { category, place: place.target }), `${category}:${placeKey(place)}`)
  const [busy, setBusy] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  if (found.state !== 'ready' || found.data.items.length === 0) return null

  const follow = async (requestId: string) => {
    setBusy(requestId)
    const result = await call('requests', 'follow', { requestId })
    setBusy(null)
    if (result.ok) onFollowed()
    else setProblem(errorText[result.code])
  }

  return (
    <Notice tone="warn" title="附近已经有人反映过同类的事">
      <Text>如果是同一件事，点“我也遇到了”就行，不用再提交一遍，办理有进展会一起通知您。</Text>
      {found.data.items.map((item) => (
        <View key={item._id} className="card duplicate">
          <Text className="card__line duplicate__where">{whereLine(item)}</Text>
          <Text className="card__line">{`${agoLine(item.filedDaysAgo)}提交 · ${statusLabels[item.status]}${item.followers > 0 ? ` · ${item.followers} 位邻居也遇到了` : ''}`}</Text>
          {item.following ? (
            <Text className="card__line">您已经点过“我也遇到了”</Text>
          ) : (
            <ActionButton tone="primary" busy={busy === item._id} onClick={() => void follow(item._id)}>
              我也遇到了（+1）
            </ActionButton>
          )}
        </View>
      ))}
      {problem && <FormError>{problem}</FormError>}
      <Text>不是同一件事，请接着往下填写。</Text>
    </Notice>
  )
}
