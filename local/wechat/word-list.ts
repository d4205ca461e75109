import * as OpenCC from 'opencc-js'

/**
 * The local CloudBase's stand-in for msgSecCheck's judgement: a handful of words msgSecCheck would
 * certainly flag, each with the label WeChat's v2 answer uses (10001 广告, 20001 时政, 20002 色情,
 * 20003 辱骂, 20006 违法犯罪, 20008 欺诈, 20012 低俗, 21000 其他), so the review queue and refusals can be
 * tried in the demo and the tests. Not a moderation policy: on CloudBase WeChat decides.
 * JUCUN_WORDLIST_FILE adds a deployment's own words for local trials, one per line.
 */
export const listedWords: ReadonlyArray<{ word: string; label: number }> = [
  { word: '代开发票', label: 20008 },
  { word: '办假证', label: 20006 },
  { word: '赌博网站', label: 20006 },
  { word: '裸聊', label: 20002 },
  { word: '枪支弹药', label: 20006 },
  { word: '冰毒', label: 20006 },
  { word: 'MDMA', label: 20006 },
]

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' })

/**
 * What a reader sees, without what people put in to slip past a list: compatibility forms folded
 * (full-width ＭＤＭＡ, circled ⓜ), combining marks and variation selectors dropped (after NFD, so
 * accents go too), invisible and bidi controls, spaces, punctuation and symbols removed, case and
 * traditional characters folded.
 */
export function foldForMatching(text: string): string {
  const visible = text
    .replace(/\u202E([^\u202A-\u202E\u2066-\u2069\n\r\u2029]*)/gu, (_, run: string) => [...run].reverse().join(''))
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\p{C}\p{Z}\p{P}\p{S}\p{Default_Ignorable_Code_Point}\s]/gu, '')
    .toLowerCase()
  return toSimplified(visible)
}

export type WordList = { match(text: string): { word: string; label: number } | null }

export function wordList(extraWords: readonly string[] = []): WordList {
  const entries = [...listedWords, ...extraWords.map((word) => ({ word, label: 21000 }))]
    .map((entry) => ({ ...entry, folded: foldForMatching(entry.word) }))
    .filter((entry) => entry.folded.length > 0)
  return {
    match(text) {
      const folded = foldForMatching(text)
      const hit = entries.find((entry) => folded.includes(entry.folded))
      return hit ? { word: hit.word, label: hit.label } : null
    },
  }
}
