import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { distRoot, readAppRoutes } from './support/dist'

// Issue 11: every resident downloads the main package before the first screen, so zod and the
// contract (136 KB) stay in the subpackages; the main package's code calls through callUnchecked.
// `ZodError` is the name zod gives its error class, kept by the minifier: a sign zod is bundled.
const ZOD_MARK = 'ZodError'

function scriptsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) return scriptsUnder(path)
    return path.endsWith('.js') ? [path] : []
  })
}

test('the main package carries no zod, the subpackages do', () => {
  const subRoots = [...new Set(readAppRoutes().subpackageOf.values())].map((root) => root.replace(/\/$/, ''))
  const inSubpackage = (path: string) => subRoots.some((root) => relative(distRoot, path).startsWith(`${root}/`))
  const scripts = scriptsUnder(distRoot)
  const holdingZod = (paths: string[]) => paths.filter((path) => readFileSync(path, 'utf8').includes(ZOD_MARK)).map((path) => relative(distRoot, path))

  expect(holdingZod(scripts.filter((path) => !inSubpackage(path)))).toEqual([])
  // Each subpackage still checks its calls against the contract, so each holds a copy.
  for (const root of subRoots) expect(holdingZod(scripts.filter((path) => relative(distRoot, path).startsWith(`${root}/`))).length).toBeGreaterThan(0)
})
