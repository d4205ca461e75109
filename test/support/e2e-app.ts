import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { Result, TimerFunctionName } from '../../types'
import type { ControlledClock } from '../../cloudfunctions/shared/runtime/clock'
import { timerInvocationContext } from '../../local/host/invocation-context'
import { startLocalCloudbase } from '../../local/local-cloudbase'
import { launchBrowser, phonePage } from './browser'

type WorldOptions = {
  /**
   * The functions' clock moved by the story (`world.clock.advance`), as the integration tests move
   * it, and the timers run only when the story says (`world.runTimer`): a voting window a week long
   * closes in a moment. The browser's own clock is left alone; what the pages show comes from the
   * functions' answers.
   */
  controlledClock?: boolean
}

/**
 * One story's world: a fresh local CloudBase seeded with the demo street, serving the H5 build, and
 * a headless Chromium. Each story gets its own, so stories never see each other's writes.
 */
export async function startStoryWorld(options: WorldOptions = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'jucun-e2e-'))
  // The clock is chosen at the functions' first read of it (runtime/clock.ts): the variable must be set before they start.
  const clockBefore = process.env.JUCUN_CLOCK
  if (options.controlledClock) process.env.JUCUN_CLOCK = 'controlled'
  const local = await startLocalCloudbase({ dataDir, staticDir: resolve(__dirname, '../../dist/h5'), ...(options.controlledClock && { timerIntervalMs: 0 }) })
  // Imported after the local CloudBase set the functions' environment, as its function host imports them.
  const clock: ControlledClock | null = options.controlledClock ? (await import('../../cloudfunctions/shared/runtime/clock')).controlledClock() : null
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
    /** The functions' clock, in a world started with `controlledClock`. */
    get clock(): ControlledClock {
      if (!clock) throw new Error('this story world runs on the system clock: start it with { controlledClock: true }')
      return clock
    },
    /** One run of a timer-triggered function, as its trigger starts it (no caller, TRIGGER_SRC=timer). */
    async runTimer(name: TimerFunctionName): Promise<unknown> {
      const answer = (await local.timerMains[name]({ Type: 'Timer', TriggerName: name }, timerInvocationContext(name))) as Result<unknown>
      if (!answer.ok) throw new Error(`${name} answered ${answer.code}: ${answer.message}`)
      return answer.data
    },
    async close() {
      await browser.close()
      await local.close()
      rmSync(dataDir, { recursive: true, force: true })
      if (clockBefore === undefined) delete process.env.JUCUN_CLOCK
      else process.env.JUCUN_CLOCK = clockBefore
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
  // A tab carries its count beside its title (待接单 3): the tap goes to the whole tab.
  await page.locator('.tabs .btn', { hasText: tab }).filter({ visible: true }).click()
  await page.locator('.request-card', { hasText: words }).filter({ visible: true }).click()
  await onScreen(page, '现在可以做').waitFor()
}
