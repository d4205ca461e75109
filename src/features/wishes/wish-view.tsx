import { Text } from '@tarojs/components'
import { Notice } from '@/components/status-views'
import type { WishDetail } from '@/types'
import { dateTimeLine } from '@/types/calendar'
import { ClaimCard } from './claim-card'
import { ConfirmForm } from './confirm-form'
import { ContactBlock } from './contact-block'
import { ConfirmationView, FulfilmentView } from './fulfilment-view'
import { ReviewerFacts } from './reviewer-facts'
import { mainActions, secondaryActions, WishActions } from './wish-actions'
import { WishHead } from './wish-head'
import { WishTimeline } from './wish-timeline'

/**
 * One wish for whoever looks, in the order a resident needs it: where it stands, who has it and by
 * when, what was done with the confirmation right under it, then the steps the server offers this
 * viewer, the story, and last the ways out. Every part shows only when the answer carries it.
 */
export function WishView({ wish, onChange }: { wish: WishDetail; onChange: (wish: WishDetail) => void }) {
  const can = (action: WishDetail['availableActions'][number]) => wish.availableActions.includes(action)
  return (
    <>
      <WishHead wish={wish} />
      {wish.returnReason && (
        <Notice tone="warn" title="居委会退回的原因">
          <Text>{wish.returnReason}</Text>
        </Notice>
      )}
      {wish.claim && <ClaimCard claim={wish.claim} />}
      {wish.cancelRequest && (
        <Notice tone="warn" title={`居民请求取消（${dateTimeLine(wish.cancelRequest.at)}）`}>
          <Text>{wish.cancelRequest.reason}</Text>
        </Notice>
      )}
      {wish.contact && (
        <ContactBlock
          wishId={wish._id}
          contact={wish.contact}
          canCall={(wish.claim?.mine ?? false) || can('confirmByVisit')}
          reviewer={wish.relations.includes('committee') || wish.relations.includes('gridWorker')}
          own={wish.relations.includes('wisher')}
        />
      )}
      <ReviewerFacts wish={wish} />
      {wish.fulfilment && <FulfilmentView fulfilment={wish.fulfilment} />}
      {can('confirm') && <ConfirmForm wish={wish} onDone={onChange} />}
      {wish.confirmation && <ConfirmationView confirmation={wish.confirmation} />}
      <WishActions wish={wish} entries={mainActions} title="现在可以做" onChange={onChange} />
      <WishTimeline entries={wish.timeline} />
      <WishActions wish={wish} entries={secondaryActions} title="不需要了？" onChange={onChange} />
    </>
  )
}
