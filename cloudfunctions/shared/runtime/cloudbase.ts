import tcb from '@cloudbase/node-sdk'

/**
 * The CloudBase SDK, initialised once per process on first use. `SYMBOL_CURRENT_ENV` is the env the
 * function runs in; there is no other setting here. Locally, the same call reaches the local
 * CloudBase database because the process environment says so (local/db/sdk-env.ts: the
 * TCB_CONTEXT_CNFG endpoint, SCF_NAMESPACE env id, TENCENTCLOUD_RUNENV and credentials, all of which
 * CloudBase's runtime provides in production). The environment must be set before the first call.
 */
type App = ReturnType<typeof tcb.init>
type Database = ReturnType<App['database']>

let app: App | undefined
let db: Database | undefined

export function cloudbaseApp(): App {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  return app
}

export function database(): Database {
  db ??= cloudbaseApp().database()
  return db
}
