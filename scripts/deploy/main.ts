import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { collectionIndexes } from '../../cloudfunctions/shared/runtime/collections'
import { functionManifest } from '../../config/functions.manifest'
import { applyPlan } from './apply'
import { missingSettingsMessage, readDeployEnvFile } from './deploy-env'
import { connect, readEnvironment, type ManagerApp } from './environment'
import { planDeploy, unreadEnvironment, type CurrentEnvironment } from './plan'
import { printPlan } from './print'

/**
 * npm run deploy [-- --dry-run] [-- --prune] [-- --env-file <path>]
 * Applies collections.ts and functions.manifest.ts to the CloudBase environment `.env` names.
 *   --dry-run   prints the plan only; without credentials it does not read the environment at all
 *   --prune     also drops indexes and deletes triggers the environment has and nothing declares
 */
const root = resolve(__dirname, '../..')
const functionRoot = join(root, 'dist/functions')

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name)
  return at === -1 ? undefined : process.argv[at + 1]
}

function buildFunctions(): Promise<void> {
  return new Promise((done, fail) => {
    const build = spawn('npm', ['run', 'build:functions'], { cwd: root, stdio: 'inherit' })
    build.on('error', fail)
    build.on('exit', (code) => {
      if (code !== 0) return fail(new Error(`npm run build:functions exited with ${code}`))
      const unbuilt = Object.keys(functionManifest).filter((name) => !existsSync(join(functionRoot, name, 'index.js')))
      if (unbuilt.length) return fail(new Error(`npm run build:functions left no bundle for ${unbuilt.join(', ')}`))
      done()
    })
  })
}

function declaresOpenApi(configFile: string): boolean {
  if (!existsSync(configFile)) return false
  const config: { permissions?: { openapi?: unknown[] } } = JSON.parse(readFileSync(configFile, 'utf8'))
  return (config.permissions?.openapi?.length ?? 0) > 0
}

async function main(): Promise<number> {
  const dryRun = process.argv.includes('--dry-run')
  const prune = process.argv.includes('--prune')
  const envFile = resolve(option('--env-file') ?? join(root, '.env'))
  const env = readDeployEnvFile(envFile)

  if (env.invalid.length) {
    console.error(`${envFile} has values the functions would refuse:\n${env.invalid.map((p) => `  ${p}`).join('\n')}`)
    return 1
  }
  if (!dryRun && env.missing.length) {
    console.error(missingSettingsMessage(envFile, env.missing))
    return 1
  }

  let app: ManagerApp | null = null
  let current: CurrentEnvironment = unreadEnvironment
  let unreadReason: string | undefined
  if (env.envId && env.credentials) {
    app = connect(env.envId, env.region, env.credentials)
    console.log(`Reading ${env.envId} (read-only) …`)
    current = await readEnvironment(app, env.envId, collectionIndexes, functionManifest)
  } else {
    unreadReason = `dry run; ${envFile} lacks ${env.missing.join(', ')}`
  }

  const plan = planDeploy(collectionIndexes, functionManifest, current, { prune, values: env.values })
  console.log(printPlan(plan, { envId: env.envId, region: env.region, envFile, unreadReason }).join('\n'))

  if (dryRun) {
    console.log('\nDry run: nothing was changed.')
    return 0
  }
  if (!app || !env.envId) throw new Error('unreachable: a real run has credentials')

  console.log('\nApplying:')
  await applyPlan(app, plan, { envId: env.envId, functionRoot, buildFunctions, report: (line) => console.log(`  ✓ ${line}`) })
  // WeChat applies config.json permissions (云调用) only to uploads from WeChat DevTools.
  const withOpenApi = Object.keys(functionManifest).filter((name) => declaresOpenApi(join(functionRoot, name, 'config.json')))
  console.log('\nDone.')
  // The message push route has no API in manager-node: it is set once, by hand.
  console.log(
    'Once per environment, in WeChat DevTools 云开发 → 设置 → 其他设置 → 消息推送 (push mode 云函数): ' +
      'route MsgType event, Event wxa_media_check to wechat-events, or photos stay in the media check (README, Deploying to CloudBase).',
  )
  if (withOpenApi.length) {
    console.log(
      `Once per environment, upload ${withOpenApi.join(', ')} from WeChat DevTools (右键 → 上传并部署：云端安装依赖): ` +
        'their config.json declares the cloud calls they make, and only that upload applies it (README, Deploying to CloudBase).',
    )
  }
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const e = error as { message?: string; code?: string; requestId?: string }
    console.error(`\nDeploy stopped: ${e.message ?? String(error)}${e.code ? ` [${e.code}]` : ''}${e.requestId ? ` (RequestId ${e.requestId})` : ''}`)
    console.error('What was applied before this stays; run again once fixed (every step is safe to repeat).')
    process.exit(1)
  },
)
