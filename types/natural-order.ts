/**
 * The order people expect of numbered names: 一网格 before 二网格 before 十网格, 2号楼 before 10号楼,
 * 101室 before 1001室. A plain `localeCompare(…, 'zh')` sorts Chinese numerals by pinyin (二 èr before
 * 三 sān before 四 sì before 一 yī) and, without `numeric`, digits as text. Shared by the functions,
 * which answer every directory list in this order, and by the app.
 */
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
const NUMBER_RUN = /[0-9]+|[零〇一二两三四五六七八九十百千]+/g

/** 十一 → 11, 二十 → 20, 一百零五 → 105, 三 → 3; 〇五 (digit by digit) → 5. */
export function chineseNumeral(run: string): number {
  if (![...run].some((c) => c in UNITS)) return [...run].reduce((n, c) => n * 10 + DIGITS[c], 0)
  let total = 0
  let digit = 0
  for (const c of run) {
    if (c in DIGITS) digit = DIGITS[c]
    else {
      // 十 alone (十, 十一) means one ten.
      total += (digit || 1) * UNITS[c]
      digit = 0
    }
  }
  return total + digit
}

type Part = string | number

function parts(name: string): Part[] {
  const out: Part[] = []
  let last = 0
  for (const match of name.matchAll(NUMBER_RUN)) {
    const at = match.index ?? 0
    if (at > last) out.push(name.slice(last, at))
    out.push(/[0-9]/.test(match[0]) ? Number(match[0]) : chineseNumeral(match[0]))
    last = at + match[0].length
  }
  if (last < name.length) out.push(name.slice(last))
  return out
}

/** Compare two names in natural order: runs of digits or Chinese numerals by their value, the rest as Chinese text. */
export function naturalCompare(a: string, b: string): number {
  const pa = parts(a)
  const pb = parts(b)
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]
    const y = pb[i]
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y) return x - y
    } else if (typeof x === 'number' || typeof y === 'number') {
      // A number before words: 1号楼 before 东楼.
      return typeof x === 'number' ? -1 : 1
    } else {
      const byText = x.localeCompare(y, 'zh')
      if (byText !== 0) return byText
    }
  }
  return pa.length - pb.length || a.localeCompare(b, 'zh')
}

/** Sort by a name in natural order (a copy; the input is left as it was). */
export const naturalSort = <T>(items: readonly T[], nameOf: (item: T) => string): T[] =>
  [...items].sort((a, b) => naturalCompare(nameOf(a), nameOf(b)))
