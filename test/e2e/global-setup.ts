import { resolve } from 'node:path'
import { ensureTaroBuild } from '../../local/taro-build'
import { chromiumPath } from '../support/browser'

/** Builds H5 when stale, and says loudly when there is no Chromium: on CI (CI=true) that fails the run. */
export default async function globalSetup(): Promise<void> {
  if (!chromiumPath()) {
    const message = 'NO CHROMIUM FOUND (/usr/bin/chromium): the browser stories cannot run. Install it with `apt-get install -y chromium`.'
    if (process.env.CI === 'true') throw new Error(message)
    console.warn(`\n${'!'.repeat(100)}\n!! ${message}\n!! They are SKIPPED on this machine.\n${'!'.repeat(100)}\n`)
    return
  }
  await ensureTaroBuild(resolve(__dirname, '../..'), 'h5')
}
