import { build, type BuildOptions, type Plugin } from 'esbuild'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { functionNames, pushFunctionNames, timerFunctionNames } from '../types/contract'
import { functionsTreeShaking } from './functions-tree-shaking'

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
 * runtime/wechat.ts as `cloud().<group>.<api>(`, so the names are read off the bundle itself (an
 * unminified one, where `cloud` keeps its name): a function lists exactly what it can call, no more.
 */
function openApiNamesIn(bundle: string): string[] {
  return [...new Set([...bundle.matchAll(/\bcloud\(\)\.(\w+)\.(\w+)\(/g)].map(([, group, api]) => `${group}.${api}`))].sort()
}

/**
 * zod re-exports its messages in some fifty languages as `z.locales` (264 KB of its 460 KB minified),
 * so a bundler cannot leave them out. The functions never choose a locale — what a user reads is the
 * project's own Chinese (types/errors.ts) — so only English, zod's default, goes in: less to parse at
 * every cold start.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, ({ importer }) =>
      importer.includes(`${sep}node_modules${sep}zod${sep}`) ? { path: join(dirname(importer), '../locales/index.js'), namespace: 'zod-english-only' } : undefined,
    )
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, ({ path }) => ({
      contents: "export { default as en } from './en.js'",
      resolveDir: dirname(path),
    }))
  },
}

const everyFunction = [...functionNames, ...timerFunctionNames, ...pushFunctionNames]

/** Builds each named function into `<into>/<name>/`; the bundles are what CloudBase runs (tested in built-bundles.test.ts). */
export async function buildFunctions(into = outRoot, names: readonly string[] = everyFunction, log: (line: string) => void = console.log): Promise<void> {
  rmSync(into, { recursive: true, force: true })
  for (const name of names) {
    const outDir = join(into, name)
    mkdirSync(outDir, { recursive: true })
    const options: BuildOptions = {
      entryPoints: [join(root, 'cloudfunctions', name, 'index.ts')],
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: sdks,
      sourcemap: false,
      logLevel: 'warning',
      plugins: [zodEnglishOnly, functionsTreeShaking],
    }
    const readable = await build({ ...options, minify: false, write: false })
    const bundle = readable.outputFiles[0].text
    // Parsing the bundle is most of a cold start after the SDK's own load (npm run bench:cold).
    const result = await build({ ...options, outfile: join(outDir, 'index.js'), minify: true, metafile: true })
    const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0)
    const dependencies = Object.fromEntries(sdks.filter((sdk) => bundle.includes(`require("${sdk}")`)).map((sdk) => [sdk, versionOf(sdk)]))
    writeFileSync(
      join(outDir, 'package.json'),
      `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies }, null, 2)}\n`,
    )
    const openapi = openApiNamesIn(bundle)
    writeFileSync(join(outDir, 'config.json'), `${JSON.stringify({ permissions: { openapi } }, null, 2)}\n`)
    log(`${relative(root, outDir)}: ${(bytes / 1024).toFixed(1)} KB, cloud calls: ${openapi.join(', ') || 'none'}`)
  }
}

if (require.main === module) {
  buildFunctions().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
