import { build } from 'esbuild'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { functionNames, timerFunctionNames } from '../types/contract'

/**
 * One deployable folder per function: dist/functions/<name>/{index.js,package.json[,config.json]}. The shared core,
 * runtime and contract are bundled in; @cloudbase/node-sdk stays a dependency that CloudBase installs
 * (cloudbaserc.json `installDependency`), pinned to the version the local CloudBase is tested against.
 */
const root = resolve(__dirname, '..')
const outRoot = join(root, 'dist/functions')
/**
 * WeChat 云调用 (msgSecCheck, subscribe messages) answers -604101 unless the function declares the
 * open APIs it calls in its own config.json (WeChat 云开发 docs, 云调用 → 配置权限).
 */
const openApiPermissions: Partial<Record<string, string[]>> = {
  requests: ['security.msgSecCheck', 'subscribeMessage.send'],
  'requests-timer': ['subscribeMessage.send'],
}
const sdkVersion: string = JSON.parse(readFileSync(join(root, 'node_modules/@cloudbase/node-sdk/package.json'), 'utf8')).version

async function buildFunctions(): Promise<void> {
  rmSync(outRoot, { recursive: true, force: true })
  for (const name of [...functionNames, ...timerFunctionNames]) {
    const outDir = join(outRoot, name)
    mkdirSync(outDir, { recursive: true })
    const result = await build({
      entryPoints: [join(root, 'cloudfunctions', name, 'index.ts')],
      outfile: join(outDir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['@cloudbase/node-sdk'],
      sourcemap: false,
      minify: false,
      metafile: true,
      logLevel: 'warning',
    })
    const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0)
    writeFileSync(
      join(outDir, 'package.json'),
      `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { '@cloudbase/node-sdk': sdkVersion } }, null, 2)}\n`,
    )
    const openapi = openApiPermissions[name]
    if (openapi) writeFileSync(join(outDir, 'config.json'), `${JSON.stringify({ permissions: { openapi } }, null, 2)}\n`)
    console.log(`dist/functions/${name}: ${(bytes / 1024).toFixed(1)} KB`)
  }
}

buildFunctions().catch((error) => {
  console.error(error)
  process.exit(1)
})
