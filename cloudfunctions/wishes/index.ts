import { createFunction } from '../shared/runtime/function-entry'
import { claim, release } from './claim.use-cases'
import { post } from './post.use-case'
import { detail, listForMe, listMine } from './read.use-cases'
import { review } from './review.use-case'

/**
 * 微心愿 (issue 7): a resident's small wish, reviewed by the committee or the grid worker, claimed by
 * one party member of the matching branch. The wish text itself is checked at posting
 * (post.use-case.ts), where a flag holds it with a mark for the reviewer instead of refusing; the
 * summary and the reasons others read are screened here before the use case runs.
 */
export const main = createFunction('wishes', {
  post,
  listMine,
  detail,
  review,
  listForMe,
  claim,
  release,
}, {
  review: (input) =>
    input.decision === 'publish'
      ? [{ text: input.summary, label: '公开摘要', scene: 'forum' }]
      : [{ text: input.reason, label: '退回理由', scene: 'comment' }],
  release: (input) => [{ text: input.reason, label: '放弃理由', scene: 'comment' }],
})
