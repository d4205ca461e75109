import { useDidShow } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { Notice } from '@/components/status-views'
import { useResult, type Loaded } from '@/hooks/use-result'
import { call } from '@/services/call'
import { refreshSubscriptions } from '@/services/subscribe'
import { AlertQuota } from '../components/alert-quota'
import { BindingReviews } from '../components/binding-reviews'
import { CouncilEntries } from '../components/council-entries'
import { PartyReviews } from '../components/party-reviews'
import { RequestEntries } from '../components/request-entries'
import { holdsTerritory } from '../components/staff-gate'
import { WishEntries } from '../components/wish-entries'
import { usePullToReload } from '@/hooks/use-pull-to-reload'

/**
 * Staff work, in a subpackage so residents never download it. The server decides who sees which
 * queue: a queue that answers FORBIDDEN is simply not this person's work and is left out.
 */
const forbidden = (loaded: Loaded<unknown>) => loaded.state === 'failed' && loaded.code === 'FORBIDDEN'

export default function WorkbenchPage() {
  // Every queue is read on each show: back from a request, a binding or 核实, each badge counts what still waits.
  const requestCounts = useResult(() => call('requests', 'inboxCounts', {}), null)
  const me = useResult(() => call('directory', 'whoami', {}), null)
  const bindings = useResult(() => call('directory', 'listBindingRequests', { status: 'pending' }), null)
  const registrations = useResult(() => call('directory', 'listPartyRegistrations', { status: 'pending' }), null)
  const wishReview = useResult(() => call('wishes', 'listForReview', { queue: 'review', limit: 20 }), null)
  const wishBranch = useResult(() => call('wishes', 'branchOverview', {}), null)
  const toDecide = useResult(() => call('council', 'listProposals', { view: 'toDecide', limit: 20 }), null)
  const assisted = useResult(() => call('council', 'listAssistedBallots', { status: 'pending' }), null)
  const reloadAll = () => [requestCounts, me, bindings, registrations, wishReview, wishBranch, toDecide, assisted].forEach((queue) => queue.reload())
  useDidShow(reloadAll)
  usePullToReload(() => {
    reloadAll()
    void refreshSubscriptions()
  })

  const showRequests = !forbidden(requestCounts)
  const territory = me.state === 'ready' && holdsTerritory(me.data)
  const showBindings = !forbidden(bindings)
  const showRegistrations = !forbidden(registrations)
  const showWishReview = !forbidden(wishReview)
  // Shown once known rather than offered and then taken away: most staff are no branch's secretary.
  const showBranch = wishBranch.state !== 'loading' && !forbidden(wishBranch)
  const showWishes = showWishReview || !forbidden(wishBranch)
  // Like the branch view: most staff decide no proposals, so the section waits for the answers.
  const councilKnown = toDecide.state !== 'loading' && assisted.state !== 'loading'
  const showDecide = councilKnown && !forbidden(toDecide)
  const showAssisted = councilKnown && !forbidden(assisted)
  const showCouncil = showDecide || showAssisted

  return (
    <PageShell>
      {!showRequests && !showBindings && !showRegistrations && !showWishes && councilKnown && !showCouncil && (
        <Notice tone="info" title="这里是工作人员的页面">您现在没有需要办理的工作。如果您是工作人员，请联系社区开通权限。</Notice>
      )}
      {showRequests && <RequestEntries counts={requestCounts} reload={requestCounts.reload} territory={territory} />}
      {showWishes && <WishEntries toReview={showWishReview ? wishReview : null} showBranch={showBranch} reload={wishReview.reload} />}
      {showCouncil && (
        <CouncilEntries
          toDecide={showDecide ? toDecide : null}
          assisted={showAssisted ? assisted : null}
          reload={() => {
            toDecide.reload()
            assisted.reload()
          }}
        />
      )}
      {/* Below the work itself: a worker with 50 open items opens this page for the inbox first. */}
      <AlertQuota />
      {showBindings && <BindingReviews loaded={bindings} reload={bindings.reload} />}
      {showRegistrations && <PartyReviews loaded={registrations} reload={registrations.reload} />}
    </PageShell>
  )
}
