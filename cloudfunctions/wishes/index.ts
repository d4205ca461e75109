import { wishActions } from '../../types/wish.actions'
import { createFunction } from '../shared/runtime/function-entry'
import { agreeCancel, requestCancel, withdraw } from './cancel.use-cases'
import { claim, preloadClaim, release, revoke } from './claim.use-cases'
import { convert } from './convert.use-case'
import { confirm, confirmByVisit, fulfil } from './fulfil.use-cases'
import { preloadEntries } from './ledger'
import { post, preloadPost } from './post.use-case'
import { detail, listForMe, listForReview, listMine, myClaims, revealContact } from './read.use-cases'
import { branchOverview, myRecord, ranking, reverseCredit } from './record.use-cases'
import { review } from './review.use-case'
import { settings, updateSettings } from './settings.use-cases'
import { signals } from './signals.use-case'
import { wall } from './wall.use-case'
import { preloadWish } from './wish-store'

/**
 * 微心愿 (issue 7): a resident's small wish, reviewed by the committee or the grid worker, claimed by
 * one party member of the matching branch, fulfilled, confirmed and credited. The wish text itself is
 * checked at posting (post.use-case.ts), where a flag holds it with a mark for the reviewer instead
 * of refusing; every other text someone else reads is screened here before the use case runs.
 */
export const main = createFunction('wishes', wishActions, {
  post, listMine, detail, revealContact, review, convert, listForMe, myClaims, myRecord, claim, release, revoke, fulfil, confirm, confirmByVisit,
  withdraw, requestCancel, agreeCancel, listForReview, branchOverview, wall, ranking, reverseCredit, signals, settings, updateSettings,
}, {
  screened: {
    review: (input) =>
      input.decision === 'publish'
        ? [{ text: input.summary, field: 'summary', label: '公开摘要', scene: 'forum' }]
        : [{ text: input.reason, field: 'reason', label: '退回理由', scene: 'comment' }],
    release: (input) => [{ text: input.reason, field: 'reason', label: '放弃理由', scene: 'comment' }],
    revoke: (input) => [{ text: input.reason, field: 'reason', label: '收回理由', scene: 'comment' }],
    fulfil: (input) => [{ text: input.note, field: 'note', label: '完成说明', scene: 'comment' }],
    confirm: (input) => (input.thanks === undefined ? [] : [{ text: input.thanks, field: 'thanks', label: '感谢的话', scene: 'comment' }]),
    confirmByVisit: (input) => [{ text: input.note, field: 'note', label: '走访说明', scene: 'comment' }],
    withdraw: (input) => (input.reason === undefined ? [] : [{ text: input.reason, field: 'reason', label: '撤回理由', scene: 'comment' }]),
    requestCancel: (input) => [{ text: input.reason, field: 'reason', label: '取消理由', scene: 'comment' }],
    agreeCancel: (input) => (input.note === undefined ? [] : [{ text: input.note, field: 'note', label: '说明', scene: 'comment' }]),
    reverseCredit: (input) => [{ text: input.reason, field: 'reason', label: '撤销理由', scene: 'comment' }],
  },
  preloads: {
    post: preloadPost,
    detail: preloadWish,
    revealContact: preloadWish,
    review: preloadWish,
    convert: preloadWish,
    claim: preloadClaim,
    release: preloadWish,
    revoke: preloadWish,
    fulfil: preloadWish,
    confirm: preloadWish,
    confirmByVisit: preloadWish,
    withdraw: preloadWish,
    requestCancel: preloadWish,
    agreeCancel: preloadWish,
    reverseCredit: (input) => {
      preloadWish(input)
      preloadEntries(input)
    },
  },
})
