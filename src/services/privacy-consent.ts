import Taro from '@tarojs/taro'

/**
 * WeChat's privacy consent (用户隐私保护指引, enforced since 2023-09-15): for a person who has not
 * agreed to the app's guide, every privacy API (chooseLocation, chooseMedia, …) waits, and WeChat
 * calls the app's onNeedPrivacyAuthorization listener with a `resolve`. The API stays pending until
 * resolve({ event: 'agree', buttonId }) — the id of the agreePrivacyAuthorization button the person
 * tapped — or resolve({ event: 'disagree' }), which fails it with "…:fail privacy permission is not
 * authorized". Every path must end in one of the two, or the picker never returns.
 *
 * Why a store: the listener can be registered only once, for the whole app, at launch, but the
 * explanation is drawn by a page (a mini-program has no app-level UI). So the listener only records
 * who is waiting, and for which page; the PrivacySheet that every PageShell carries shows the
 * question on that page and answers it. The page is the one on top when WeChat asks (the page whose
 * tap called the API); if it closes before the person answers, the sheet answers "disagree", so the
 * API fails where nobody sees it instead of the question following the person to another page.
 */

export type ConsentAnswer = { event: 'agree'; buttonId: string } | { event: 'disagree' }
type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void

/** One privacy API waiting for the person's answer. `page` is the $taroPath of the page on top, if known. */
export type ConsentQuestion = { referrer: string; page: string | null }
type Waiting = ConsentQuestion & { resolve: Resolve; shown: boolean }

let waiting: Waiting[] = []
const watchers = new Set<() => void>()
const changed = () => watchers.forEach((watcher) => watcher())
const forPage = (page: string | null) => (question: Waiting) => question.page === null || question.page === page

/** What the listener does: note who waits. Exported for the listener below and for tests. */
export function needConsent(resolve: Resolve, referrer: string, page: string | null): void {
  waiting = [...waiting, { resolve, referrer, page, shown: false }]
  changed()
}

/** The question the sheet of `page` should show now (the first one waiting there), if any. */
export function questionFor(page: string | null): ConsentQuestion | null {
  return waiting.find(forPage(page)) ?? null
}

/** Tells WeChat the explanation is on screen (exposureAuthorization), once per waiting API. */
export function consentShown(page: string | null): void {
  for (const question of waiting.filter(forPage(page))) {
    if (question.shown) continue
    question.shown = true
    question.resolve({ event: 'exposureAuthorization' })
  }
}

/**
 * The person's answer, for every API waiting on that page: one agreement covers them all, and a
 * refusal fails them all (each would otherwise ask again straight away).
 */
export function answerConsent(page: string | null, answer: ConsentAnswer): void {
  const answered = waiting.filter(forPage(page))
  if (answered.length === 0) return
  waiting = waiting.filter((question) => !answered.includes(question))
  answered.forEach((question) => question.resolve(answer))
  changed()
}

export function watchConsent(watcher: () => void): () => void {
  watchers.add(watcher)
  return () => void watchers.delete(watcher)
}

/**
 * Registers the app's listener (weapp only, once, at launch). Base libraries before 2.32.3 have no
 * onNeedPrivacyAuthorization: there WeChat shows its own popup, which is still a working path.
 */
export function listenForConsentQuestions(): void {
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve, eventInfo) => {
    const pages = Taro.getCurrentPages() as { $taroPath?: string }[]
    needConsent(resolve, eventInfo?.referrer ?? '', pages[pages.length - 1]?.$taroPath ?? null)
  })
}

/** The person tapped 不同意 on the privacy explanation: "<api>:fail privacy permission is not authorized". */
export function isPrivacyRefusal(error: unknown): boolean {
  const errMsg = typeof error === 'object' && error !== null && 'errMsg' in error ? (error as { errMsg: unknown }).errMsg : error instanceof Error ? error.message : ''
  return typeof errMsg === 'string' && errMsg.includes('privacy permission is not authorized')
}
