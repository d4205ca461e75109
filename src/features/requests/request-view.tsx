import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CallButton } from '@/components/call-button'
import { InfoRow } from '@/components/info-row'
import { PhotoStrip } from '@/components/photo-strip'
import { Notice } from '@/components/status-views'
import { topicUrl } from '@/features/council/council-urls'
import { followStageLabels, topicStatusLabels } from '@/services/council-labels'
import { dueLine, escalationLabels, outcomeLabels, satisfactionLabels, statusLabels } from '@/services/request-labels'
import type { RequestDetail } from '@/types'
import { categoryLabels, outOfScopeGuidance } from '@/types/vocabulary'
import { dateTimeLine } from '@/types/calendar'
import { wishUrl } from '@/features/wishes/open-wish'

/** A request 核实 turned out of a 微心愿 names it (the link is kept both ways): one tap back to the wish. */
const WishLink = ({ wishId }: { wishId: string }) => (
  <View className="card__row" role="button" onClick={() => void Taro.navigateTo({ url: wishUrl(wishId) })}>
    <Text className="card__key">来自</Text>
    <Text className="link">微心愿（点这里看）</Text>
  </View>
)

type LinkedTopic = RequestDetail['linkedTopics'][number]

/** Where a linked topic stands, in words: its status, and once decided how far the follow-through got. */
const topicLine = (topic: LinkedTopic): string =>
  topic.followStage ? `${topicStatusLabels[topic.status]} · 落实：${followStageLabels[topic.followStage]}` : topicStatusLabels[topic.status]

/**
 * 每月一题 (issue 8): the 议事厅 topics this request led to — "the topic's follow-through shows on
 * the linked requests' timelines" — each one tap from its page.
 */
export function LinkedTopics({ topics }: { topics: LinkedTopic[] }) {
  if (topics.length === 0) return null
  return (
    <View className="card">
      <Text className="card__title">相关议题</Text>
      <Text className="card__line">这件事和邻居反映的同类问题一起，拿到邻里议事厅请大家商量：</Text>
      {topics.map((topic) => (
        <View key={topic.topicId} className="linked-topic" role="button" onClick={() => void Taro.navigateTo({ url: topicUrl(topic.topicId) })}>
          <Text className="linked-topic__title">{topic.title}</Text>
          <Text className="linked-topic__state">{topicLine(topic)}</Text>
          <Text className="link">点这里看议题</Text>
        </View>
      ))}
    </View>
  )
}

type Shown = { request: RequestDetail }

/**
 * Where it stands and who has it: the first thing either side looks for. The owner's work phone
 * comes only when the server offers it (the resident, while the request is open: mayCallOwner).
 */
export function StatusCard({ request }: Shown) {
  const handlers = request.coHandlers.map((person) => person.name ?? '工作人员').join('、')
  const owner = request.owner
  return (
    <View className="card request-status">
      <Text className="card__title">{`${categoryLabels[request.category]} · ${statusLabels[request.status]}`}</Text>
      <InfoRow name="负责人">{owner ? (owner.name ?? '工作人员') : '等待社区安排'}</InfoRow>
      {request.due && <InfoRow name="期限">{dueLine(request.due)}</InfoRow>}
      {owner?.workPhone && <CallButton phone={owner.workPhone} label={`给${owner.name ?? '负责人'}打电话`} />}
      {handlers && <InfoRow name="协办">{handlers}</InfoRow>}
      <InfoRow name="网格">{[request.communityName, request.gridName].filter(Boolean).join(' ')}</InfoRow>
      {request.escalation !== 'none' && <InfoRow name="上报">{escalationLabels[request.escalation]}</InfoRow>}
      {request.followers > 0 && <InfoRow name="邻居">{`${request.followers} 位也遇到了`}</InfoRow>}
    </View>
  )
}

/** Why it ended elsewhere or is held: a referral's guidance, the reviewer's note. */
export function StatusNotices({ request }: Shown) {
  return (
    <>
      {request.referral && (
        <Notice tone="warn" title={`这件事请找：${outOfScopeGuidance[request.referral.scope].label}`}>
          <Text>{outOfScopeGuidance[request.referral.scope].guidance}</Text>
          {request.referral.note && <Text>{request.referral.note}</Text>}
        </Notice>
      )}
      {/* Only reviewers are given the matched word; others see the reviewer's note, if any. */}
      {(request.moderation?.note ?? request.moderation?.reason) && (
        <Notice tone="bad" title="审核说明">
          <Text>{request.moderation?.note ?? request.moderation?.reason}</Text>
        </Notice>
      )}
    </>
  )
}

/** 办理结果, and once given the resident's rating of it. What goes between the two is the page's (the rating form). */
export function ResultNotice({ request }: Shown) {
  if (!request.reply) return null
  return (
    <Notice tone="ok" title={`办理结果（${dateTimeLine(request.reply.at)}）`}>
      <Text>{request.reply.text}</Text>
      <PhotoStrip photos={request.reply.photos} what="办理结果照片" />
    </Notice>
  )
}

export function RatingShown({ request }: Shown) {
  if (!request.rating) return null
  return (
    <Notice tone="info" title="居民评价">
      <Text>{`${outcomeLabels[request.rating.outcome]} · ${satisfactionLabels[request.rating.satisfaction]}`}</Text>
      {request.rating.comment && <Text>{request.rating.comment}</Text>}
    </Notice>
  )
}

/**
 * What was asked, where, and how to reach the resident. `callResident`: the handler's page, where the
 * phone in full is the detail's logged read (request-view.ts contact.read), rung with one tap.
 */
export function RequestContent({ request, callResident = false }: Shown & { callResident?: boolean }) {
  const contact = [request.contact.room, request.contact.phone].filter(Boolean).join(' · ')
  const phone = !request.contact.masked && request.contact.phone
  return (
    <View className="card">
      <Text className="card__title">反映的问题</Text>
      <Text className="card__line request-text">{request.text}</Text>
      <PhotoStrip photos={request.photos} what="诉求照片" />
      <InfoRow name="地点">{request.placeLabel}</InfoRow>
      {contact && <InfoRow name="联系">{contact}</InfoRow>}
      {callResident && phone && <CallButton phone={phone} label="给居民打电话" />}
      {callResident && phone && <Text className="field__hint">看到完整电话已记录；只为办这件事联系居民。</Text>}
      <InfoRow name="提交">{dateTimeLine(request.createdAt)}</InfoRow>
      {request.filedBy.kind === 'fromWish' && <WishLink wishId={request.filedBy.wishId} />}
    </View>
  )
}
