import { build } from 'esbuild'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { functionNames, timerFunctionNames } from '../types/contract'

/**
 * One deployable folder per function: dist/functions/<name>/{index.js,package.json}. The shared core,
 * runtime and contract are bundled in; @cloudbase/node-sdk stays a dependency that CloudBase installs
 * (cloudbaserc.json `installDependency`), pinned to the version the local CloudBase is tested against.
 */
const root = resolve(__dirname, '..')
const outRoot = join(root, 'dist/functions')
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
    console.log(`dist/functions/${name}: ${(bytes / 1024).toFixed(1)} KB`)
  }
}

buildFunctions().catch((error) => {
  console.error(error)
  process.exit(1)
})
