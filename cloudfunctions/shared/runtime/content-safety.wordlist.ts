import type { ContentSafety } from './content-safety'

/** Ignore what people put between characters to slip past a list: spaces, punctuation, case. */
const normalise = (text: string) => text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '')

/** The local stand-in for msgSecCheck: any listed word anywhere in the text sends it to review. */
export function wordlistContentSafety(words: readonly string[]): ContentSafety {
  const listed = [...new Set(words.map(normalise).filter((word) => word.length > 0))]
  return {
    async checkText(text) {
      const flat = normalise(text)
      const hit = listed.find((word) => flat.includes(word))
      return hit === undefined ? { ok: true } : { ok: false, reason: `本地词表命中：${hit}` }
    },
  }
}
