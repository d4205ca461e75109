import { build } from 'esbuild'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { functionNames, pushFunctionNames, timerFunctionNames } from '../types/contract'

/**
 * One deployable folder per function: dist/functions/<name>/{index.js,package.json,config.json}. The
 * shared core, runtime and contract are bundled in; @cloudbase/node-sdk (the database) and
 * wx-server-sdk (cloud calls) stay dependencies that CloudBase installs (the deploy manifest's
 * `installDependency`), pinned to the versions the local CloudBase is tested against.
 */
const root = resolve(__dirname, '..')
const outRoot = join(root, 'dist/functions')
const sdks = ['@cloudbase/node-sdk', 'wx-server-sdk']
const versionOf = (name: string): string => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version

/**
 * WeChat 云调用 answers -604101 unless the function declares the open APIs it calls in its own
 * config.json `permissions.openapi` (云开发 → 云调用 → 配置权限). Every call goes through
 * runtime/wechat.ts as `cloud().<group>.<api>(`, so the names are read off the bundle itself: a
 * function lists exactly what it can call, no more.
 */
function openApiNamesIn(bundle: string): string[] {
  return [...new Set([...bundle.matchAll(/\bcloud\(\)\.(\w+)\.(\w+)\(/g)].map(([, group, api]) => `${group}.${api}`))].sort()
}

async function buildFunctions(): Promise<void> {
  rmSync(outRoot, { recursive: true, force: true })
  for (const name of [...functionNames, ...timerFunctionNames, ...pushFunctionNames]) {
    const outDir = join(outRoot, name)
    mkdirSync(outDir, { recursive: true })
    const result = await build({
      entryPoints: [join(root, 'cloudfunctions', name, 'index.ts')],
      outfile: join(outDir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: sdks,
      sourcemap: false,
      minify: false,
      metafile: true,
      logLevel: 'warning',
    })
    const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0)
    const bundle = readFileSync(join(outDir, 'index.js'), 'utf8')
    const dependencies = Object.fromEntries(sdks.filter((sdk) => bundle.includes(`require("${sdk}")`)).map((sdk) => [sdk, versionOf(sdk)]))
    writeFileSync(
      join(outDir, 'package.json'),
      `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies }, null, 2)}\n`,
    )
    const openapi = openApiNamesIn(bundle)
    writeFileSync(join(outDir, 'config.json'), `${JSON.stringify({ permissions: { openapi } }, null, 2)}\n`)
    console.log(`dist/functions/${name}: ${(bytes / 1024).toFixed(1)} KB, cloud calls: ${openapi.join(', ') || 'none'}`)
  }
}

buildFunctions().catch((error) => {
  console.error(error)
  process.exit(1)
})
