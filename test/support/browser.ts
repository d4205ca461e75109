import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]

export function chromiumPath(): string | null {
  return candidates.find((path) => existsSync(path)) ?? null
}

/** Debian's Chromium, headless, with every background connection off: this machine has no internet. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath()
  if (!executablePath) throw new Error('no Chromium')
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

/** A phone-sized page, as residents see the app. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', hasTouch: true })
  return context.newPage()
}

/** Skipped (loudly, by the e2e global setup) where there is no Chromium; CI=true fails instead. */
export function describeInBrowser(name: string, body: () => void): void {
  ;(chromiumPath() ? describe : describe.skip)(name, body)
}
