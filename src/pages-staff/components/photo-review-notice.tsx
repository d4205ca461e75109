import { Text } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { FormError, Notice } from '@/components/status-views'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import type { RequestDetail } from '@/types'

/**
 * A reviewer's part when WeChat's media check judged a photo of this item risky: the photo is already
 * hidden from everyone else; once they have looked, the item leaves their review tab.
 */
export function PhotoReviewNotice({ request, onChange }: { request: RequestDetail; onChange: (request: RequestDetail) => void }) {
  const { busy, problem, send } = useSend()
  if (!request.photoReview) return null
  return (
    <Notice tone="warn" title="有照片没有通过微信的内容检查">
      <Text>这张照片已经对居民和其他工作人员隐藏，只有审核人员能看到（标着“图片未通过审核”）。请看过后确认，这件事就会移出审核列表；照片仍然隐藏。</Text>
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="primary" busy={busy} onClick={() => void send(() => call('requests', 'clearPhotoReview', { requestId: request._id }), onChange)}>
        已看过，移出审核列表
      </ActionButton>
    </Notice>
  )
}
