import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export type Platform = 'h5' | 'weapp'

/** Everything `taro build` reads; a change to any of them makes a build stale. */
const inputs = ['src', 'types', 'config', 'babel.config.js', 'tsconfig.json', 'package.json']

/** Written by every build of that platform; the oldest of them is when the build last finished writing. */
const outputs: Record<Platform, string[]> = {
  h5: ['dist/h5/index.html'],
  weapp: ['dist/weapp/app.js', 'dist/weapp/app.json', 'dist/weapp/base.wxml', 'dist/weapp/comp.js'],
}

export function taroBuildIsStale(root: string, platform: Platform): boolean {
  const written = outputs[platform].map((output) => join(root, output))
  if (written.some((path) => !existsSync(path))) return true
  const builtAt = Math.min(...written.map((path) => statSync(path).mtimeMs))
  return inputs.some((input) => newestMtime(join(root, input)) > builtAt)
}

/**
 * `taro build --type <platform>`, always as production: Taro picks its config from NODE_ENV, and
 * under jest that is 'test', which yields an H5 build whose router never shows a page. Taro's
 * progress bar is hundreds of lines that look like trouble; they are kept and shown only when the
 * build fails, and otherwise the build is one line.
 */
export async function taroBuild(root: string, platform: Platform, log: (line: string) => void = console.log): Promise<void> {
  const startedAt = Date.now()
  const output: string[] = []
  const status = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npx', ['taro', 'build', '--type', platform], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()))
    child.once('error', reject)
    child.once('close', resolve)
  })
  if (status !== 0) {
    const tail = output.join('').split('\n').filter((line) => line.trim()).slice(-80).join('\n')
    throw new Error(`taro build --type ${platform} failed (exit ${status}):\n${tail}`)
  }
  log(`  ${platform} build: done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`)
}

/** Builds only when stale, so CI (`.ci/run` builds before `npm test`) builds each platform once. */
export async function ensureTaroBuild(root: string, platform: Platform, log?: (line: string) => void): Promise<'fresh' | 'built'> {
  if (!taroBuildIsStale(root, platform)) return 'fresh'
  await taroBuild(root, platform, log)
  return 'built'
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stats.mtimeMs)
}
