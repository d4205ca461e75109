import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Everything `taro build --type weapp` reads; a change to any of them makes dist/weapp stale. */
const inputs = ['src', 'config', 'types', 'babel.config.js', 'tsconfig.json', 'package.json']
/** Written by every build; the oldest of them is when the build last finished writing. */
const outputs = ['dist/weapp/app.js', 'dist/weapp/app.json', 'dist/weapp/base.wxml', 'dist/weapp/comp.js']

export function weappBuildIsStale(root: string): boolean {
  const written = outputs.map((output) => join(root, output))
  if (written.some((path) => !existsSync(path))) return true
  const builtAt = Math.min(...written.map((path) => statSync(path).mtimeMs))
  return inputs.some((input) => newestMtime(join(root, input)) > builtAt)
}

/**
 * Builds only when stale, so CI (`.ci/run` builds weapp just before `npm test`) builds once.
 * NODE_ENV is jest's 'test' here; the mini-program is always built as production, as CI builds it.
 */
export function ensureWeappBuild(root: string): 'fresh' | 'built' {
  if (!weappBuildIsStale(root)) return 'fresh'
  const result = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (result.status !== 0) throw new Error(`taro build --type weapp failed (exit ${result.status})`)
  return 'built'
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stats.mtimeMs)
}
