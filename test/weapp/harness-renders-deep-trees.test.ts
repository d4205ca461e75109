import type { PageInstance } from './support/page-bridge'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

type TaroNode = { nn: string; sid: string; v?: string; cn?: TaroNode[] }

// Taro's base.wxml unrolls 15 levels of templates and hands anything deeper to its `comp`
// component, which the harness registers once for all pages (pages.ts). No page is that deep yet,
// so this feeds one page a deeper tree in Taro's own data shape (nn 3 is a view, 9 a text node).
test('a tree deeper than Taro’s 15 template levels still renders, through comp', async () => {
  const home = await weapp.launch('/pages/home/index')
  let node: TaroNode = { nn: '9', sid: '_deep0', v: '第二十层的一行字' }
  for (let level = 1; level <= 20; level++) node = { nn: '3', sid: `_deep${level}`, cn: [node] }
  const [page] = (globalThis as unknown as { getCurrentPages: () => (PageInstance & { setData(data: object): void })[] }).getCurrentPages()
  page.setData({ root: { cn: [node] } })
  const deepest = await home.find('第二十层的一行字')
  let depth = 0
  for (let element: Element | null = deepest; element && element.tagName !== 'MAIN'; element = element.parentElement) depth++
  expect(depth).toBe(20)
})
