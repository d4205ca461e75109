import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const inputs = ['src', 'types', 'config', 'babel.config.js', 'package.json']

/** The H5 build is stale when any of its inputs changed after dist/h5/index.html was written. */
export function h5BuildIsStale(root: string): boolean {
  const built = join(root, 'dist/h5/index.html')
  if (!existsSync(built)) return true
  const builtAt = statSync(built).mtimeMs
  return inputs.some((input) => newestMtime(join(root, input)) > builtAt)
}

export function buildH5(root: string): void {
  // Taro picks its dev or prod config from NODE_ENV; under jest it is 'test', which yields a build
  // whose router never shows a page. The H5 build served locally is always the production one.
  const result = spawnSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (result.status !== 0) throw new Error(`npm run build:h5 failed (exit ${result.status})`)
}

export function ensureH5Build(root: string): 'fresh' | 'built' {
  if (!h5BuildIsStale(root)) return 'fresh'
  buildH5(root)
  return 'built'
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stats.mtimeMs)
}
