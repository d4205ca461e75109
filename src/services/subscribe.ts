import { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { NoticeKind, SubscriptionView } from '@/types'
import { callUnchecked } from './call-unchecked'
import { promptSubscribe, type PromptAnswer } from './subscribe-prompt'

/**
 * Subscribe messages as a quota (订阅消息, 一次性订阅): each template a person accepts at a tap allows
 * the functions one message of it. So the app asks at every tap that matters, for up to 3 templates
 * at once (WeChat's limit a call), and reports what was accepted (directory.grantSubscriptions); the
 * functions keep the count and spend it one per message. A notice with nothing left still lands on
 * the 消息 page.
 *
 * WeChat opens the prompt only synchronously inside a tap handler ("can only be invoked by user TAP
 * gesture"), never after an await of a network call, so the template ids must be known before the
 * tap: pages that ask load them when they show (useSubscriptions), and askAtTap reads them from here.
 */

/** What a request already filed can still bring a resident: progress, then the answer to rate. */
export const followKinds: readonly NoticeKind[] = ['progress', 'replied']

/** WeChat asks for at most 3 templates in one prompt (more fails the call with errCode 20003). */
const MAX_PER_PROMPT = 3

/** The caller's templates and what is left of each; null until the first answer. */
let views: SubscriptionView[] | null = null
let loading: Promise<void> | null = null
const watchers = new Set<() => void>()

/** Counts each store, so a reload answered after a report does not put back what it replaced. */
let stored = 0

function store(next: SubscriptionView[]): void {
  views = next
  stored++
  watchers.forEach((watcher) => watcher())
}

/** Reads the caller's templates again (directory.mySubscriptions); a failure keeps what was known. */
export function refreshSubscriptions(): Promise<void> {
  const before = stored
  loading ??= callUnchecked('directory', 'mySubscriptions', {})
    .then((result) => {
      if (result.ok && stored === before) store(result.data)
    })
    .catch(() => undefined)
    .finally(() => {
      loading = null
    })
  return loading
}

/** The templates as last loaded; each page that asks reloads them when it shows. */
export function useSubscriptions(): SubscriptionView[] | null {
  const [current, setCurrent] = useState(views)
  useEffect(() => {
    const watcher = () => setCurrent(views)
    watchers.add(watcher)
    watcher()
    return () => void watchers.delete(watcher)
  }, [])
  useDidShow(() => void refreshSubscriptions())
  return current
}

/** Up to 3 of these kinds' templates, the ones with the fewest messages left first. */
export function templatesToAsk(known: readonly SubscriptionView[], kinds: readonly NoticeKind[]): SubscriptionView[] {
  return known
    .filter((view) => kinds.includes(view.kind))
    .map((view, order) => ({ view, order }))
    .sort((a, b) => a.view.remaining - b.view.remaining || a.order - b.order)
    .slice(0, MAX_PER_PROMPT)
    .map(({ view }) => view)
}

/**
 * Call it first thing in a tap handler, before anything is awaited: it opens WeChat's prompt there
 * and then, on its own, reports the answers. The promise settles once they are reported (or there
 * was nothing to report) and never rejects; most taps do not wait for it. With no template
 * configured for these kinds (or none loaded yet) nothing is asked.
 */
export function askAtTap(kinds: readonly NoticeKind[]): Promise<void> {
  const asked = templatesToAsk(views ?? [], kinds)
  if (asked.length === 0) return Promise.resolve()
  const tmplIds = asked.map((view) => view.templateId)
  let answered: Promise<PromptAnswer | null>
  try {
    answered = promptSubscribe(tmplIds)
  } catch {
    return Promise.resolve()
  }
  return answered.then((answer) => (answer ? report(tmplIds, answer.result, answer.kept) : undefined)).catch(() => undefined)
}

/** How long a tap's own call may wait for the person's answer to WeChat's prompt (it covers the screen meanwhile). */
const ANSWER_WAIT_MS = 10_000

/**
 * askAtTap for a tap whose own call sends a notice at once: filing is answered with 受理 straight
 * away, so the call waits for the answer to be reported, or it would find nothing accepted yet. It
 * waits at most ANSWER_WAIT_MS, so a prompt that never answers cannot hold the filing up for good.
 */
export function askBeforeSending(kinds: readonly NoticeKind[]): Promise<void> {
  const reported = askAtTap(kinds)
  let timer: ReturnType<typeof setTimeout> | undefined
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ANSWER_WAIT_MS)
  })
  return Promise.race([reported, waited]).finally(() => clearTimeout(timer))
}

/**
 * Only accepted templates are reported: a refusal allows nothing. Those the person keeps accepted
 * (总是保持以上选择) are reported as `always`, the others not, in a call each.
 */
async function report(tmplIds: readonly string[], result: Record<string, unknown>, kept: readonly string[]): Promise<void> {
  const accepted = tmplIds.filter((id) => result[id] === 'accept')
  if (accepted.length === 0) return
  const groups = [accepted.filter((id) => kept.includes(id)), accepted.filter((id) => !kept.includes(id))]
  for (const [index, ids] of groups.entries()) {
    if (ids.length === 0) continue
    const answers = Object.fromEntries(ids.map((id) => [id, 'accept' as const]))
    const reported = await callUnchecked('directory', 'grantSubscriptions', { answers, always: index === 0 })
    if (reported.ok) store(reported.data)
  }
}
