import type { Message } from './message.schema'
import { currentPagePath } from './moved-pages'

// Apart from the message schemas (re-exported there): 消息, in the weapp main package, opens
// messages without loading zod (issue 11: main package under 500 KB).

const pageWithId = (path: string, id: string) => `${path}?id=${encodeURIComponent(id)}`

/**
 * The page a tap on a message opens, in 消息 and from a WeChat subscribe message alike: the page it
 * names (a binding waiting for review, an assisted ballot to confirm), else the wish, topic or proposal
 * it is about (one page every role shares), else its request — in the workbench for staff, the
 * progress page for a resident. Null when it is about nothing to open.
 */
export function messagePage(message: Pick<Message, 'audience' | 'requestId' | 'wishId' | 'topicId' | 'proposalId' | 'page'>): string | null {
  if (message.page) return currentPagePath(message.page)
  if (message.wishId) return pageWithId('pages-wish/detail/index', message.wishId)
  if (message.topicId) return pageWithId('pages-council/topic/index', message.topicId)
  if (message.proposalId) return pageWithId('pages-council/proposal/index', message.proposalId)
  if (message.requestId) return pageWithId(message.audience === 'staff' ? 'pages-staff/request/index' : 'pages/request/index', message.requestId)
  return null
}
