import { Text, View } from '@tarojs/components'
import { memo } from 'react'
import { escalationLabels, statusLabels } from '@/services/request-labels'
import { categoryLabels, type Due, type RequestSummary } from '@/types'
import { relativeLine } from '@/types/calendar'
import '../../styles/triage.scss'

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS

/** 40分钟 / 5小时 / 3天: a span as a worker says it, rounded down but never to nothing. */
export function spanWords(ms: number): string {
  if (ms < HOUR_MS) return `${Math.max(1, Math.floor(ms / MINUTE_MS))}分钟`
  if (ms < 2 * DAY_MS) return `${Math.floor(ms / HOUR_MS)}小时`
  return `${Math.floor(ms / DAY_MS)}天`
}

const clockWords: Record<Due['stage'], string> = { respond: '答复', resolve: '办结', rate: '评价' }

/** The running clock as time left or time over, in words (答复已超时 2天): colour only repeats it. */
export function dueLeftLine(due: Due, now: number): string {
  const left = due.dueAt - now
  return left < 0 ? `${clockWords[due.stage]}已超时 ${spanWords(-left)}` : `${clockWords[due.stage]}还剩 ${spanWords(left)}`
}

const filedByWords: Record<RequestSummary['filedBy'], string> = { resident: '', onBehalf: '代办', proactive: '巡查发现', fromWish: '微心愿转来' }

/** Who asked: the masked name and phone the server sent (never a room: that stays on the detail). */
function whoLine(request: RequestSummary): string {
  if (request.requester === null) return filedByWords[request.filedBy] || '没有居民信息'
  return [request.requester, request.contact.phone].filter(Boolean).join(' ')
}

/**
 * One item of a worker's inbox, in the four lines triage needs, each cut to one line so every card
 * is as tall as the next (the windowed list relies on it): what and how late; the words; where and
 * who; where it stands, since when, and who has it when that is not the reader.
 */
export const TriageCard = memo(function TriageCard({ request, now, onOpen }: { request: RequestSummary; now: number; onOpen: (id: string) => void }) {
  const urgency = request.due?.urgency
  const owner = request.ownedByCaller ? '' : `负责人：${request.owner ? (request.owner.name ?? '工作人员') : '等待安排'}`
  const tags = [request.requester !== null ? filedByWords[request.filedBy] : '', escalationLabels[request.escalation], request.photoReview ? '照片待审核' : '']
  // The status opens the last line, not the first: beside the time left at 1.5× type it cut the category to 物业服….
  const standing = [statusLabels[request.status], `${relativeLine(request.createdAt, now)}提交`, ...tags, owner, request.followers > 0 ? `${request.followers}位邻居也遇到` : ''].filter(Boolean)
  return (
    <View className={`request-card triage-card${urgency ? ` triage-card--${urgency}` : ''}`} role="button" onClick={() => onOpen(request._id)}>
      <View className="triage-card__head">
        <Text className="triage-card__title">{categoryLabels[request.category]}</Text>
        {request.due && <Text className="triage-card__due">{dueLeftLine(request.due, now)}</Text>}
      </View>
      <Text className="triage-card__line triage-card__excerpt">{request.excerpt}</Text>
      <Text className="triage-card__line triage-card__meta">{`${request.place ?? request.gridName ?? ''} · ${whoLine(request)}`}</Text>
      <Text className="triage-card__line triage-card__meta">{standing.join(' · ')}</Text>
    </View>
  )
})
