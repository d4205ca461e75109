/**
 * The staff inbox in a browser with a thousand open items, as issue 9 measures it:
 *   npm run bench:inbox [-- --items 1000 --static dist/h5]
 * Seeds the items for 网格员（康乐一、二网格） in a fresh local CloudBase (one filing through the
 * function, the rest copied in through the SDK), serves the H5 build, opens 诉求收件箱 in headless
 * Chromium at 390×844, then
 *   loading: reaches the end of the list (再看更多 where it shows, else the bottom of the page);
 *   scrolling: wheels from the top to the bottom and back;
 * and prints the longest task of each phase (PerformanceObserver 'longtask', tasks of 50 ms and
 * more), at 1× and 4× CPU throttle. Prints figures; asserts nothing. `--static` measures another
 * build of the app (e.g. one made from main) against the same functions.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import type { StoredRequest } from '../cloudfunctions/requests/request-store'
import { dueTimes } from '../cloudfunctions/shared/core/request/deadlines'
import { Collections } from '../cloudfunctions/shared/runtime/collections'
import { startLocalCloudbase } from '../local/local-cloudbase'
import { launchBrowser, phonePage } from '../test/support/browser'
import { documents, insertCopies } from '../test/support/requests'
import { seedHousehold } from '../local/seed/demo-buildings'

const { values } = parseArgs({ options: { items: { type: 'string', default: '1000' }, static: { type: 'string', default: 'dist/h5' } } })
const ITEMS = Number(values.items)
const STATIC_DIR = resolve(values.static)
const WORKER = { openid: 'demo-worker-kangle-a', label: '网格员（康乐一、二网格）' }
const HOUR = 3_600_000

type Task = { start: number; duration: number }
type Phase = { longest: number; over50: number; ms: number }

declare global {
  interface Window {
    benchLongTasks: Task[]
  }
}

/** Every long task from the first navigation on, kept in the page for the phases to read. */
function observeLongTasks(): void {
  window.benchLongTasks = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.benchLongTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
}

async function phase(page: Page, run: () => Promise<void>): Promise<Phase> {
  const from = await page.evaluate(() => performance.now())
  await run()
  // A task still running when `run` ends is reported once it ends.
  await page.waitForTimeout(300)
  const to = await page.evaluate(() => performance.now())
  const tasks = (await page.evaluate(() => window.benchLongTasks)).filter((t) => t.start >= from && t.start <= to)
  return { longest: Math.round(Math.max(0, ...tasks.map((t) => t.duration))), over50: tasks.length, ms: Math.round(to - from) }
}

async function seed(url: string): Promise<void> {
  const post = async (path: string, body: unknown, token?: string) =>
    (await (await fetch(`${url}${path}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: JSON.stringify(body) })).json()) as {
      token?: string
      ok?: boolean
      data?: { _id: string }
    }
  const { token } = await post('/auth/sign-in', { openid: 'demo-resident-a' })
  const filed = await post('/functions/requests', { action: 'file', input: { idempotencyKey: `bench-inbox-${process.pid}`, category: 'property', text: '楼道灯坏了，晚上看不见台阶', photos: [], place: { householdId: seedHousehold('bldg-kl-3', '201') } } }, token)
  if (!filed.ok || !filed.data) throw new Error(`the filing was refused: ${JSON.stringify(filed)}`)
  const [template] = await documents<StoredRequest>(Collections.requests, { _id: filed.data._id })
  const now = Date.now()
  // Waiting to be accepted (the inbox opens on 待接单), dispatched over the last 40 days: a fifth or so overdue.
  await insertCopies(
    template,
    Array.from({ length: ITEMS - 1 }, (_, i) => {
      const dispatchedAt = now - (i % 200) * 5 * HOUR
      return { status: 'dispatched' as const, dispatchedAt, deadlines: dueTimes('property', dispatchedAt), createdAt: dispatchedAt - 60_000, updatedAt: dispatchedAt }
    }),
  )
}

async function measure(browser: Browser, url: string, cpu: number) {
  const page = await phonePage(browser)
  await page.addInitScript(observeLongTasks)
  await page.goto(`${url}/#/pages/sign-in/index`)
  await page.getByText(WORKER.label, { exact: true }).filter({ visible: true }).click()
  await page.getByText(`现在的身份：${WORKER.label}`, { exact: true }).filter({ visible: true }).waitFor()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu })

  let loaded = 0
  let calls = 0
  let end = false
  page.on('response', async (response) => {
    if (!response.url().endsWith('/functions/requests') || response.request().method() !== 'POST') return
    if (!(response.request().postData() ?? '').includes('"action":"inbox"')) return
    const body = (await response.json()) as { ok: boolean; data?: { items: unknown[]; nextCursor: string | null } }
    if (!body.ok || !body.data) return
    calls++
    loaded += body.data.items.length
    if (body.data.nextCursor === null) end = true
  })

  const loading = await phase(page, async () => {
    await page.goto(`${url}/#/pages-staff/inbox/index`)
    await page.locator('.request-card').filter({ visible: true }).first().waitFor({ timeout: 60_000 })
    await page.mouse.move(195, 500)
    for (let rounds = 0; !end && rounds < 400; rounds++) {
      const before = calls
      const more = page.getByText('再看更多', { exact: true }).filter({ visible: true })
      if (await more.count()) await more.first().click()
      else await page.mouse.wheel(0, 4000)
      for (let waited = 0; calls === before && !end && waited < 100; waited++) await page.waitForTimeout(100)
    }
  })

  await page.evaluate(() => window.scrollTo(0, 0))
  await page.mouse.wheel(0, -1_000_000)
  await page.waitForTimeout(500)
  const scrolling = await phase(page, async () => {
    for (let step = 0; step < 120; step++) {
      await page.mouse.wheel(0, 900)
      await page.waitForTimeout(40)
    }
    for (let step = 0; step < 60; step++) {
      await page.mouse.wheel(0, -1500)
      await page.waitForTimeout(40)
    }
  })
  const cardsInPage = await page.locator('.request-card').count()
  await page.context().close()
  return { loading, scrolling, loaded, calls, cardsInPage }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jucun-bench-inbox-'))
  const local = await startLocalCloudbase({ dataDir, staticDir: STATIC_DIR, timerIntervalMs: 0 })
  const browser = await launchBrowser()
  try {
    await seed(local.host.url)
    console.log(`inbox with ${ITEMS} open items for ${WORKER.label}; H5 build ${STATIC_DIR}; 390×844`)
    for (const cpu of [1, 4]) {
      const m = await measure(browser, local.host.url, cpu)
      console.log(
        `CPU ${cpu}×  loading ${m.loaded} items in ${m.calls} calls (${m.loading.ms} ms): longest task ${m.loading.longest} ms, ${m.loading.over50} tasks ≥ 50 ms` +
          ` | scrolling (${m.scrolling.ms} ms): longest task ${m.scrolling.longest} ms, ${m.scrolling.over50} tasks ≥ 50 ms | cards in the page at the end: ${m.cardsInPage}`,
      )
    }
  } finally {
    await browser.close()
    await local.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
