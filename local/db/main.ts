import { parseArgs } from 'node:util'
import { startDatabase } from './server'

/**
 * The local CloudBase database as its own process:
 *   tsx local/db/main.ts --data-dir DIR [--port N] [--host H]
 * Prints exactly one line, `ready <url>`, once listening; a parent waits for it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
  })
  const dataDir = values['data-dir']
  if (!dataDir) throw new Error('usage: main.ts --data-dir DIR [--port N] [--host H]')
  const port = Number(values.port ?? 0)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${values.port}`)
  const server = await startDatabase({ dataDir, port, host: values.host })
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
  process.stdout.write(`ready ${server.url}\n`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
