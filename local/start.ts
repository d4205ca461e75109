import { join, resolve } from 'node:path'
import { startLocalCloudbase } from './local-cloudbase'
import { ensureTaroBuild } from './taro-build'

const root = resolve(__dirname, '..')
const port = Number(process.env.PORT ?? 8787)
const dbPort = Number(process.env.DB_PORT ?? port + 1)
const dataDir = resolve(process.env.JUCUN_DATA_DIR ?? join(root, '.local-data'))

async function start(): Promise<void> {
  const startedAt = Date.now()
  // One line per stage: a newcomer reads what happened, and a failure is not lost among progress bars.
  console.log('居村通 local demo — starting')
  const build = await ensureTaroBuild(root, 'h5')
  if (build === 'fresh') console.log('  h5 build: up to date (dist/h5)')
  const local = await startLocalCloudbase({ dataDir, port, dbPort, staticDir: join(root, 'dist/h5') })
  console.log(`  local CloudBase: ${local.db.url} (data in ${dataDir})`)
  console.log(`  demo data: ${local.seeded ? `${local.seeded.inserted} documents added, ${local.seeded.kept} already there` : 'not seeded'}`)
  console.log(`  functions and app: ${local.host.url}/`)
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1)
  console.log(`
居村通 is running — ready in ${seconds} s. Open ${local.host.url}/ on this machine.

  WeChat outbox (subscribe messages sent): ${local.db.url.replace(/\/admin$/, '')}/__wechat/outbox

Sign in (本地演示登录, a local stand-in for WeChat login) as one of:
${local.personas.map((persona) => `  ${padToWidth(persona.label, 26)} ${persona.openid.padEnd(24)} ${persona.description}`).join('\n')}

Ctrl+C stops. \`npm run reset\` wipes the local data.`)
  const stop = async () => {
    await local.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

start().catch((error) => {
  console.error(error)
  process.exit(1)
})

/** Chinese characters take two columns in a terminal; pad by what the eye sees, not by length. */
function padToWidth(text: string, width: number): string {
  const seen = [...text].reduce((sum, char) => sum + (char.charCodeAt(0) > 0xff ? 2 : 1), 0)
  return text + ' '.repeat(Math.max(1, width - seen))
}
