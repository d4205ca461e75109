import { household, whoami } from '../component/support/fixtures'
import { requestDetail } from '../component/support/request-fixtures'
import type { PageView } from './support/page-view'
import type { SimElement } from './support/simulator'
import { routeDecision } from './support/fixtures'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

// The page's classes come out of the build scoped to the page's component (`main--field`).
const FIELD = /(^|\s)main--field(\s|$)/

/** The box of the field labelled so: the nearest element around the label that a form marks as a field. */
async function fieldOf(page: PageView, label: string): Promise<SimElement> {
  let element: SimElement | null = await page.find(label)
  while (element && !FIELD.test(element.getAttribute('class') ?? '')) element = element.parentElement
  if (!element) throw new Error(`no field around “${label}”`)
  return element
}

/** The error shown inside that field, or null. */
async function errorBeside(page: PageView, label: string): Promise<string | null> {
  const error = (await fieldOf(page, label)).querySelector('[class~="main--field__error"]')
  return error ? (error.textContent ?? '').trim() : null
}

test('a resident sees every mistake beside its own box at once, brought into view, and each goes once it is put right', async () => {
  weapp.answer({
    directory: { whoami: whoami({ household }), route: routeDecision() },
    requests: { checkDuplicates: { items: [] }, file: (input) => requestDetail({ _id: 'rq-9', category: input.category, text: input.text }) },
  })
  const home = await weapp.launch('/pages/home/index')
  await home.tap('有困难找居村')
  const help = await weapp.page('pages-resident/help/index')
  await help.tap('物业服务')
  await help.type('联系电话（可不填）', '1381234')
  await help.tap('提交')

  expect(await errorBeside(help, '遇到了什么事')).toBe('请写一下遇到了什么事。')
  expect(await errorBeside(help, '联系电话（可不填）')).toBe('手机号应是 11 位数字，可以不填。')
  // Beside the box only, not again over the button.
  expect(help.all('请写一下遇到了什么事。')).toHaveLength(1)
  const textField = await fieldOf(help, '遇到了什么事')
  // The id lives on the exparser node (what `#id` selects in WeChat), not as a DOM attribute here.
  const id = textField.__wxElement?.id
  expect(id).toMatch(/-text$/)
  expect(weapp.wxCalls('pageScrollTo').at(-1)).toMatchObject({ selector: `#${id}` })

  await help.type('联系电话（可不填）', '13812345678')
  expect(await errorBeside(help, '联系电话（可不填）')).toBeNull()
  expect(await errorBeside(help, '遇到了什么事')).toBe('请写一下遇到了什么事。')
  await help.type('遇到了什么事', '电梯停了两天')
  expect(await errorBeside(help, '遇到了什么事')).toBeNull()
  expect(weapp.cloudCalls('requests', 'file')).toEqual([])

  await help.tap('提交')
  await help.find('提交成功，我们收到了')
  expect(weapp.cloudCalls('requests', 'file').map((call) => call.input)).toEqual([expect.objectContaining({ text: '电梯停了两天', contactPhone: '13812345678' })])
})
