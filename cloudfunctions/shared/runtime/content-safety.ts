import { failure, type Failure } from '../../../types'
import { CloudCallError, msgSecCheck, type TextScene } from './wechat'

/**
 * Content safety for every text another person reads, through msgSecCheck v2 (the one road, here and
 * on CloudBase; locally the local CloudBase answers it from its word list). `unavailable` is the check
 * itself failing: the caller decides what that means (a filing is held for review; a note is refused
 * until the check is back), never that the text passed.
 */
export type ContentVerdict = { ok: true } | { ok: false; reason: string; unavailable: boolean }

export async function checkText(text: string, author: { openid: string }, scene: TextScene): Promise<ContentVerdict> {
  if (text.trim() === '') return { ok: true }
  try {
    const verdict = await msgSecCheck({ content: text, openid: author.openid, scene })
    if (verdict.suggest === 'pass') return { ok: true }
    const words = verdict.keywords.length > 0 ? `，关键词：${verdict.keywords.join('、')}` : ''
    return { ok: false, reason: `msgSecCheck: ${verdict.suggest} (label ${verdict.label}${words})`, unavailable: false }
  } catch (error) {
    console.error('[msgSecCheck]', error)
    const code = error instanceof CloudCallError ? error.errCode : 'no answer'
    return { ok: false, reason: `msgSecCheck unavailable (${code})`, unavailable: true }
  }
}

/** A text of an action's input that others will read, with the words to name it by in a refusal. */
/** `field`: the input path of the text, so the refusal lands beside the box it came from. */
export type ScreenedText = { text: string | undefined; label: string; scene: TextScene; field?: string }

/**
 * The texts of one action, checked together: the first one flagged refuses the action with
 * CONTENT_BLOCKED naming it, so the author can change it; a check that cannot run refuses with
 * UNAVAILABLE, so nothing unchecked reaches anyone.
 */
export async function refuseUnsafeText(texts: readonly ScreenedText[], author: { openid: string }): Promise<Failure | null> {
  const present = texts.filter((entry): entry is ScreenedText & { text: string } => entry.text !== undefined && entry.text.trim() !== '')
  const verdicts = await Promise.all(present.map((entry) => checkText(entry.text, author, entry.scene)))
  const blocked = verdicts.findIndex((verdict) => !verdict.ok && !verdict.unavailable)
  if (blocked >= 0) {
    const { label, field } = present[blocked]
    return failure('CONTENT_BLOCKED', `${label}里有不宜发布的内容，请修改后再提交`, field ? [field] : [])
  }
  if (verdicts.some((verdict) => !verdict.ok)) return failure('UNAVAILABLE', '内容检查暂时不可用，请稍后再试')
  return null
}
