import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startLocalCloudbase } from '../../local/local-cloudbase'
import { launchBrowser, phonePage } from './browser'

/**
 * One story's world: a fresh local CloudBase seeded with the demo street, serving the H5 build, and
 * a headless Chromium. Each story gets its own, so stories never see each other's writes.
 */
export async function startStoryWorld() {
  const dataDir = mkdtempSync(join(tmpdir(), 'jucun-e2e-'))
  const local = await startLocalCloudbase({ dataDir, staticDir: resolve(__dirname, '../../dist/h5') })
  const browser: Browser = await launchBrowser()
  const pageErrors: string[] = []

  /** A resident's (or staff member's) own phone: a new browser context, signed in as the persona. */
  async function signedInAs(personaLabel: string): Promise<Page> {
    const page = await phonePage(browser)
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.goto(`${local.host.url}/#/pages/sign-in/index`)
    await onScreen(page, personaLabel).click()
    await onScreen(page, `现在的身份：${personaLabel}`).waitFor()
    return page
  }

  return {
    url: local.host.url,
    signedInAs,
    pageErrors,
    /** Every media check WeChat has been asked for so far has pushed its verdict (the local WeChat answers a moment later). */
    mediaChecksDone: () => local.deliverHeldPushes(),
    async close() {
      await browser.close()
      await local.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export type StoryWorld = Awaited<ReturnType<typeof startStoryWorld>>

/**
 * Taro's H5 router keeps earlier pages in the DOM, hidden: a resident can only tap what is on screen,
 * so stories find text among visible elements only.
 */
export function onScreen(page: Page, text: string) {
  return page.getByText(text, { exact: true }).filter({ visible: true })
}

/** Taro's H5 <Input> is a custom element around a native input: type into the one under a label. */
export async function fillField(page: Page, label: string, value: string): Promise<void> {
  await page.locator('.field', { hasText: label }).filter({ visible: true }).locator('input, textarea').fill(value)
}

/** A handler's way to one request: 我的 → 工作台 → 诉求收件箱 → the tab → the card with these words. */
export async function openWorkbenchRequest(page: Page, tab: string, words: string): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}#/pages/mine/index`)
  await onScreen(page, '工作台').click()
  await onScreen(page, '诉求收件箱').click()
  await onScreen(page, tab).click()
  await page.locator('.request-card', { hasText: words }).filter({ visible: true }).click()
  await onScreen(page, '现在可以做').waitFor()
}
