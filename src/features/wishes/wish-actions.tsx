import type { ComponentType } from 'react'
import { ActionPanel, type PanelEntry } from '@/components/action-panel'
import { wishActionLabels } from '@/services/wish-labels'
import { staffNoticeKinds, type NoticeKind, type WishAction, type WishDetail } from '@/types'
import { AgreeCancelForm, ClaimForm, ReleaseForm, RevokeForm } from './action-forms/claim-forms'
import { RequestCancelForm, WithdrawForm } from './action-forms/cancel-forms'
import type { WishFormProps } from './action-forms/form-props'
import { FulfilForm } from './action-forms/fulfil-form'
import { ReverseCreditForm } from './action-forms/reverse-credit-form'
import { ConvertForm, PublishForm, ReturnForm } from './action-forms/review-forms'
import { ConfirmByVisitForm } from './action-forms/visit-form'

/** A transition, or the ledger's reversal (offered by canReverseCredit, not availableActions); its title comes from the labels. */
export type WishActionEntry = Omit<PanelEntry<WishAction | 'reverseCredit'>, 'title'> & { Form: ComponentType<WishFormProps> }

/**
 * The claimer hears of the 24-h reminder (催办, alert) and the resident's confirmation (进度,
 * progress), and a member of the next wish published to their branch (新派单, newWork).
 */
const claimerKinds: readonly NoticeKind[] = ['alert', 'progress', 'newWork']

/** The steps that move a wish on, in the order one meets them; the server says which show (availableActions). */
export const mainActions: WishActionEntry[] = [
  { action: 'publish', tone: 'ok', done: '已发布', askFor: staffNoticeKinds, Form: PublishForm },
  { action: 'return', tone: 'danger', done: '已退回', askFor: staffNoticeKinds, Form: ReturnForm },
  { action: 'convert', tone: 'plain', done: '已转为诉求', askFor: staffNoticeKinds, Form: ConvertForm },
  { action: 'claim', tone: 'primary', done: '认领成功', askFor: claimerKinds, Form: ClaimForm },
  { action: 'fulfil', tone: 'ok', done: '已告诉居民', Form: FulfilForm },
  { action: 'agreeCancel', tone: 'plain', done: '心愿已撤回', Form: AgreeCancelForm },
  { action: 'confirmByVisit', tone: 'plain', done: '已确认', askFor: staffNoticeKinds, Form: ConfirmByVisitForm },
  { action: 'release', tone: 'plain', done: '已放弃认领', Form: ReleaseForm },
  { action: 'revoke', tone: 'plain', done: '已收回认领', askFor: staffNoticeKinds, Form: RevokeForm },
  { action: 'reverseCredit', tone: 'plain', done: '已冲销积分', Form: ReverseCreditForm },
]

/** A resident's way out, kept last on the page: never the first thing a thumb lands on. */
export const secondaryActions: WishActionEntry[] = [
  { action: 'withdraw', tone: 'plain', done: '已撤回', Form: WithdrawForm },
  { action: 'requestCancel', tone: 'plain', done: '已告诉认领的党员', Form: RequestCancelForm },
]

/** The button's words: the transitions' from wish-labels, the ledger's own here. */
const titleOf = (action: WishActionEntry['action']): string => (action === 'reverseCredit' ? '冲销积分' : (wishActionLabels[action] ?? action))

const isOffered = (wish: WishDetail, action: WishActionEntry['action']) =>
  action === 'reverseCredit' ? wish.canReverseCredit : wish.availableActions.includes(action)

type Props = { wish: WishDetail; entries: WishActionEntry[]; title: string; onChange: (wish: WishDetail) => void }

/** The buttons the server offers this caller now, and nothing else; each opens its form under it. */
export function WishActions({ wish, entries, title, onChange }: Props) {
  const offered = entries.filter((entry) => isOffered(wish, entry.action)).map((entry) => ({ ...entry, title: titleOf(entry.action) }))
  if (offered.length === 0) return null
  return <ActionPanel title={title} entries={offered} onChange={onChange} form={(entry, onDone) => <entry.Form wish={wish} onDone={onDone} />} />
}
