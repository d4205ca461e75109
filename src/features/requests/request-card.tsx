import { Text, View } from '@tarojs/components'
import { dueLine, escalationLabels, eventLabels, statusLabels } from '@/services/request-labels'
import type { RequestSummary } from '@/types'
import { categoryLabels } from '@/types/vocabulary'
import { relativeLine } from '@/types/calendar'

const filedByWords: Record<RequestSummary['filedBy'], string> = { resident: '', onBehalf: '代办', proactive: '主动发现', fromWish: '微心愿转来' }

/**
 * One request in a list: what, where it stands, who has it and by when, and what happened last.
 * What happened last reads relative to `now` (3小时前); the deadline stays a time on the calendar.
 * Contact details are shown exactly as the server sends them (masked in every list).
 */
export function RequestCard({ request, now, onOpen }: { request: RequestSummary; now: number; onOpen: () => void }) {
  // photoReview reaches reviewers only: a photo of it failed the media check and waits for their look.
  const tags = [filedByWords[request.filedBy], escalationLabels[request.escalation], request.photoReview ? '照片待审核' : ''].filter(Boolean)
  const contact = [request.contact.room, request.contact.phone].filter(Boolean).join(' · ')
  return (
    <View className={`card request-card${request.due ? ` request-card--${request.due.urgency}` : ''}`} role="button" onClick={onOpen}>
      <View className="request-card__head">
        <Text className="card__title">{categoryLabels[request.category]}</Text>
        <Text className="request-card__status">{statusLabels[request.status]}</Text>
      </View>
      <Text className="card__line">{request.excerpt}</Text>
      {tags.length > 0 && <Text className="card__line request-card__tags">{tags.join(' · ')}</Text>}
      <Text className="card__line">{`负责人：${request.owner ? (request.owner.name ?? '工作人员') : '等待安排'}${request.gridName ? `（${request.gridName}）` : ''}`}</Text>
      {request.due && <Text className="card__line request-card__due">{dueLine(request.due)}</Text>}
      {request.latest && <Text className="card__line">{`最新：${relativeLine(request.latest.at, now)} ${eventLabels[request.latest.action]}`}</Text>}
      {contact && <Text className="card__line">{`联系：${contact}`}</Text>}
      {request.followers > 0 && <Text className="card__line">{`${request.followers} 位邻居也遇到了`}</Text>}
    </View>
  )
}
