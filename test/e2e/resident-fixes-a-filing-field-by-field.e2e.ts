import type { Page } from 'playwright-core'
import { describeInBrowser } from '../support/browser'
import { fillField, onScreen, startStoryWorld, type StoryWorld } from '../support/e2e-app'

type Look = { size: string; family: string }

/** The computed font of a field's label, and of the native control a resident types into. */
async function looks(page: Page, label: string): Promise<{ label: Look; control: Look }> {
  const field = page.locator('.field', { hasText: label }).filter({ visible: true })
  const look = (element: Element) => {
    const style = getComputedStyle(element)
    return { size: style.fontSize, family: style.fontFamily }
  }
  return { label: await field.locator('.field__label').evaluate(look), control: await field.locator('input, textarea').evaluate(look) }
}

/** The error shown inside the field with this label, or null. */
async function errorBeside(page: Page, label: string): Promise<string | null> {
  const error = page.locator('.field', { hasText: label }).filter({ visible: true }).locator('.field__error')
  return (await error.count()) === 0 ? null : error.innerText()
}

async function inView(page: Page, label: string): Promise<boolean> {
  const box = await page.locator('.field', { hasText: label }).filter({ visible: true }).first().boundingBox()
  const height = page.viewportSize()?.height ?? 0
  return box !== null && Math.round(box.y) >= 0 && box.y < height
}

let world: StoryWorld
beforeAll(async () => {
  world = await startStoryWorld()
})
afterAll(() => world?.close())

describeInBrowser('a resident types at body size, and fixes a filing field by field', () => {
  test('what a resident types is the body’s size and font, at standard size and at 1.5×', async () => {
    const resident = await world.signedInAs('康乐居民（已认证）')
    await onScreen(resident, '首页').click()
    await onScreen(resident, '有困难找居村').click()
    await onScreen(resident, '安全隐患').click()
    await onScreen(resident, '遇到了什么事').waitFor()

    for (const scale of [1, 1.5]) {
      // The browser's font size is what every rem in the H5 build follows (a resident's 1.5× setting).
      await resident.evaluate((factor) => void (document.documentElement.style.fontSize = `${16 * factor}px`), scale)
      const text = await looks(resident, '遇到了什么事')
      const phone = await looks(resident, '联系电话（可不填）')
      expect(text.control).toEqual(text.label)
      expect(phone.control).toEqual(phone.label)
      expect(parseFloat(text.control.size)).toBeCloseTo(17 * scale, 0)
      expect(text.control.family).not.toMatch(/monospace/)
    }
    await resident.evaluate(() => void (document.documentElement.style.fontSize = ''))
    await resident.close()
  })

  test('every error shows beside its field at once, the first in view, and each goes once its field is right', async () => {
    const resident = await world.signedInAs('康乐居民（已认证）')
    await onScreen(resident, '首页').click()
    await onScreen(resident, '有困难找居村').click()
    await onScreen(resident, '安全隐患').click()
    await onScreen(resident, '在别的地方').click()
    await fillField(resident, '联系电话（可不填）', '1381234')
    await onScreen(resident, '提交').click()

    await resident.locator('.field__error').filter({ visible: true }).nth(2).waitFor()
    expect(await errorBeside(resident, '在哪里')).toBe('请先选好是在哪里。')
    expect(await errorBeside(resident, '遇到了什么事')).toBe('请写一下遇到了什么事。')
    expect(await errorBeside(resident, '联系电话（可不填）')).toBe('手机号应是 11 位数字，可以不填。')
    // The page scrolls smoothly up to the first field in error, from the button at the bottom.
    await resident.waitForFunction(() => {
      const first = Array.from(document.querySelectorAll('.field--bad')).find((field) => field.getClientRects().length > 0)
      // Rounded: rem-sized layout puts scrollIntoView's "start" a fraction of a pixel above 0 (-0.08).
      const top = first ? Math.round(first.getBoundingClientRect().top) : undefined
      return top !== undefined && top >= 0 && top < window.innerHeight
    })
    expect(await inView(resident, '在哪里')).toBe(true)

    await fillField(resident, '联系电话（可不填）', '13812345678')
    await resident.locator('.field', { hasText: '联系电话（可不填）' }).locator('.field__error').waitFor({ state: 'detached' })
    expect(await errorBeside(resident, '遇到了什么事')).toBe('请写一下遇到了什么事。')

    await fillField(resident, '遇到了什么事', '楼道灯坏了一个星期')
    await resident.locator('.field', { hasText: '遇到了什么事' }).locator('.field__error').waitFor({ state: 'detached' })
    expect(await errorBeside(resident, '在哪里')).toBe('请先选好是在哪里。')

    await onScreen(resident, '就在我家').click()
    await resident.locator('.field__error').filter({ visible: true }).first().waitFor({ state: 'detached' })
    await onScreen(resident, '提交').click()
    await onScreen(resident, '提交成功，我们收到了').waitFor()
    expect(world.pageErrors).toEqual([])
  })
})
