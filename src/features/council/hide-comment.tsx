import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { call } from '@/services/call'
import type { CommentView } from '@/types'
import { StaffReasonForm } from './staff-reason-form'
import '../../styles/council-staff.scss'

type Props = { commentId: string; onHidden: (comment: CommentView) => void }

/**
 * 隐藏 for the committee under a comment (issue 8: "a committee member may hide a comment with a
 * reason; the author is told, the hide is logged"). The answer is the comment as now shown: its
 * text gone, the reason in its place.
 */
export function HideCommentButton({ commentId, onHidden }: Props) {
  const [asking, setAsking] = useState(false)
  return (
    <View className="council-hide">
      <ActionButton small tone={asking ? 'primary' : 'plain'} onClick={() => setAsking(!asking)}>
        {asking ? '隐藏（收起）' : '隐藏'}
      </ActionButton>
      {asking && (
        <StaffReasonForm
          intro="隐藏后大家只看到原因，发言的居民会收到通知。"
          label="隐藏的原因（所有人都能看到）"
          placeholder="例如：含有对邻居的人身攻击"
          button="确认隐藏"
          run={(reason) => call('council', 'hideComment', { commentId, reason })}
          onDone={(comment) => {
            setAsking(false)
            onHidden(comment)
          }}
        />
      )}
    </View>
  )
}
