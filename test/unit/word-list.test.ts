import { foldForMatching, listedWords, wordList } from '../../local/wechat/word-list'

/**
 * The local msgSecCheck's word list against the disguises issue 6 names (zero-width characters,
 * combining marks, bidi controls, full-width letters, traditional characters) and the everyday texts
 * it must leave alone. Invisible characters are written as escapes so each case shows what it hides.
 */
const list = wordList()

/** Puts `between` after every character of `word` but the last. */
const spread = (word: string, between: string) => [...word].join(between)
/** Puts `mark` after every character of `word`. */
const marked = (word: string, mark: string) => [...word].map((c) => c + mark).join('')

const disguises: ReadonlyArray<[disguise: string, text: string, word: string]> = [
  ['spaces between the characters', '楼道里贴着代 开 发 票的小广告', '代开发票'],
  ['ASCII punctuation between the characters', '代.开-发*票，电话见图', '代开发票'],
  ['Chinese punctuation between the characters', '办、假。证，快速出证', '办假证'],
  ['tabs and line breaks between the characters', '代\t开\n发\r\n票', '代开发票'],
  ['full-width space U+3000', spread('代开发票', '\u3000'), '代开发票'],
  ['zero-width space U+200B', `有人${spread('代开发票', '\u200B')}`, '代开发票'],
  ['zero-width non-joiner U+200C', spread('办假证', '\u200C'), '办假证'],
  ['zero-width joiner U+200D', spread('裸聊', '\u200D'), '裸聊'],
  ['word joiner U+2060', spread('冰毒', '\u2060'), '冰毒'],
  ['byte-order mark U+FEFF inside the word', spread('赌博网站', '\uFEFF'), '赌博网站'],
  ['soft hyphen U+00AD', spread('枪支弹药', '\u00AD'), '枪支弹药'],
  ['combining low line U+0332 under each character', marked('代开发票', '\u0332'), '代开发票'],
  ['combining enclosing circle U+20DD round each character', marked('冰毒', '\u20DD'), '冰毒'],
  ['combining acute and diaeresis on Latin letters', 'M\u0301D\u0308M\u0300A\u0303', 'MDMA'],
  ['combining grapheme joiner U+034F', spread('办假证', '\u034F'), '办假证'],
  ['right-to-left override U+202E … pop U+202C around one character', '代\u202E开\u202C发票', '代开发票'],
  ['right-to-left override U+202E … pop U+202C around the middle, stored reversed (it reads 代开发票)', '代\u202E发开\u202C票', '代开发票'],
  ['right-to-left override U+202E with the word stored reversed (it reads 代开发票)', '请找\u202E票发开代\u202C，电话见图', '代开发票'],
  ['right-to-left override U+202E to the end of the line, no pop (it reads 办假证)', '\u202E证假办', '办假证'],
  ['left-to-right override U+202D and embedding U+202A/U+202B', '\u202D代开\u202C\u202A发\u202C\u202B票\u202C', '代开发票'],
  ['isolates U+2066 LRI, U+2067 RLI, U+2068 FSI, U+2069 PDI', '\u2066代开\u2069\u2067发\u2069\u2068票\u2069', '代开发票'],
  ['left-to-right / right-to-left marks U+200E U+200F', '裸\u200E聊\u200F', '裸聊'],
  ['Arabic letter mark U+061C', spread('冰毒', '\u061C'), '冰毒'],
  ['variation selectors U+FE0E U+FE0F', '冰\uFE0F毒\uFE0E', '冰毒'],
  ['ideographic variation selector U+E0100', '冰\u{E0100}毒', '冰毒'],
  ['tag characters U+E0041…', spread('裸聊', '\u{E0041}\u{E0042}'), '裸聊'],
  ['Mongolian free variation selector U+180B', spread('冰毒', '\u180B'), '冰毒'],
  ['Hangul filler U+3164 (renders blank)', spread('代开发票', '\u3164'), '代开发票'],
  ['half-width Hangul filler U+FFA0', spread('办假证', '\uFFA0'), '办假证'],
  ['braille blank U+2800', spread('裸聊', '\u2800'), '裸聊'],
  ['full-width letters ＭＤＭＡ', '有ＭＤＭＡ出售', 'MDMA'],
  ['full-width lower-case ｍｄｍａ', 'ｍｄｍａ', 'MDMA'],
  ['circled letters ⓜⓓⓜⓐ', 'ⓜⓓⓜⓐ', 'MDMA'],
  ['circled capitals ⓂⒹⓂⒶ', 'ⓂⒹⓂⒶ', 'MDMA'],
  ['squared letters 🄼🄳🄼🄰', '🄼🄳🄼🄰', 'MDMA'],
  ['mathematical bold 𝐌𝐃𝐌𝐀', '𝐌𝐃𝐌𝐀', 'MDMA'],
  ['parenthesised letters ⒨⒟⒨⒜', '⒨⒟⒨⒜', 'MDMA'],
  ['mixed case mDmA', '便宜mDmA', 'MDMA'],
  ['traditional 代開發票', '專業代開發票', '代开发票'],
  ['traditional 辦假證', '辦假證', '办假证'],
  ['traditional 槍支彈藥', '槍支彈藥', '枪支弹药'],
  ['traditional 賭博網站', '賭博網站', '赌博网站'],
  ['simplified and traditional mixed 代开發票', '代开發票', '代开发票'],
  ['emoji between the characters', '代😀开🙂发👍票', '代开发票'],
  ['mix: traditional, ZWSP, combining mark, space, bidi pair', '代\u200B開\u0332 發\u202E\u202C票', '代开发票'],
  ['mix: full-width, ZWJ, variation selector, circled, soft hyphen', 'Ｍ\u200DⓓＭ\uFE0F\u00ADａ', 'MDMA'],
  ['mix: isolates, traditional, BOM, Hangul filler, punctuation', '\u2067辦\u2069\uFEFF假\u3164·證', '办假证'],
]

describe('a listed word in disguise is still found', () => {
  test.each(disguises)('%s', (_disguise, text, word) => {
    expect(list.match(text)?.word).toBe(word)
  })

  test('each listed word, as written, is found with its label', () => {
    for (const entry of listedWords) expect(list.match(`有人在卖${entry.word}`)).toEqual(entry)
  })
})

/** An ordinary request a resident might write, 500 characters. */
const longOrdinary = [...(
  '我家住在康乐小区3号楼201室，楼道里的声控灯已经坏了一个多星期了，晚上上下楼黑乎乎的，' +
  '家里老人腿脚不方便，前天差点在二楼拐角摔一跤。楼下的下水道这两天也有点堵，一下雨就往外冒水，' +
  '味道很大，小孩子上学要绕着走。物业说要等统一维修，但是一直没有人来看。麻烦网格员帮忙联系一下，' +
  '看看能不能先把灯换上，下水道也请环卫来疏通一下。另外小区门口的垃圾桶满了也没人清，' +
  '晚上野猫把垃圾翻得到处都是。我们几户邻居商量过了，愿意配合维修的时间，白天家里都有人。' +
  '如果需要开发票或者交材料，请提前告诉我们，我可以代邻居王阿婆一起办理。谢谢你们！'
).repeat(3)].slice(0, 500).join('')

const everyday: ReadonlyArray<[text: string, content: string]> = [
  ['楼道灯坏了', '楼道灯坏了'],
  ['下水道堵了', '下水道堵了'],
  ['a 500-character ordinary request', longOrdinary],
  ['发票 on its own', '物业费能开发票吗？上次交的没有给发票。'],
  ['开发票 on its own', '社区食堂可以开发票吗'],
  ['代 on its own', '我腿脚不好，能不能请邻居代我来签字'],
  ['代办 and 代交', '帮王阿婆代办了居住证，物业费也是我代交的'],
  ['假 and 证 apart', '请假去办居住证，证件照要带吗'],
  ['an elderly resident, lots of punctuation',
    '你好！！！我是3号楼201的王阿婆……楼下那个灯，，，坏了好几天了？？？晚上看不见路～～～麻烦你们来看看吧。。。' +
    '还有，，，垃圾桶也满了！！！谢谢！！！（电话：13912340000）【急】★★★'],
  ['traditional characters, clean', '樓道燈壞了，請儘快維修，謝謝'],
  ['full-width letters, clean', 'ＷＩＦＩ信号不好，ＡＢ栋都一样'],
  ['emoji and symbols, clean', '电梯又停了😭😭 ⚠️ 已经第三次了！！'],
  ['Latin letters near MDMA but not it', 'MDM 和 DMA 是两种设备'],
]

describe('everyday texts are left alone', () => {
  test('the 500-character text is 500 characters', () => {
    expect([...longOrdinary]).toHaveLength(500)
  })

  test.each(everyday)('%s', (_name, text) => {
    expect(list.match(text)).toBeNull()
  })
})

describe('foldForMatching', () => {
  test('folds width, case, marks, controls, punctuation and traditional characters to what a reader sees', () => {
    expect(foldForMatching('Ｍ\u200Bⓓ\u0332Ｍ\u202Ea\uFE0F\u202C，開發')).toBe('mdma开发')
  })

  test('a right-to-left override reads reversed up to its pop or the end of the line, as it is shown', () => {
    expect(foldForMatching('a\u202Ebcd\u202Ce')).toBe('adcbe')
    expect(foldForMatching('a\u202Ebc\nde')).toBe('acbde')
    expect(foldForMatching('\u202E𝐀好')).toBe('好a')
  })

  test('keeps the characters of an ordinary text, in order', () => {
    expect(foldForMatching('楼道灯坏了，请尽快修理！')).toBe('楼道灯坏了请尽快修理')
  })
})

describe('a deployment’s own words', () => {
  test('are folded like the listed ones and labelled 其他 (21000)', () => {
    const own = wordList(['假 证 件'])
    expect(own.match('办理\u200B假證\u3164件')).toEqual({ word: '假 证 件', label: 21000 })
    expect(own.match('证件照')).toBeNull()
  })

  test('a word that folds to nothing is ignored rather than matching every text', () => {
    expect(wordList(['\u200B', '！！', ' ']).match('楼道灯坏了')).toBeNull()
  })
})
