import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/**
 * The house style: routing, lifecycles, policy and deadlines are plain functions over plain data. This
 * check keeps them so: core may import only core, the contract in types/, and zod; it never reads the
 * environment or the clock, draws randomness, or touches an SDK.
 */
const repo = resolve(__dirname, '../..')
const core = join(repo, 'cloudfunctions/shared/core')
const allowedRoots = [core, join(repo, 'types')]
const forbiddenMentions = ['process.', 'Date.now', 'new Date(', 'Math.random', 'require(', '@cloudbase', '@tarojs']

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [path] : []
  })

const specifiers = (source: string): string[] =>
  [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1])

const allowedImport = (file: string, specifier: string): boolean => {
  if (specifier === 'zod' || specifier.startsWith('zod/')) return true
  if (!specifier.startsWith('.')) return false
  const target = resolve(dirname(file), specifier)
  return allowedRoots.some((root) => target === root || !relative(root, target).startsWith('..'))
}

const files = sourceFiles(core)

test('the core has source files to check', () => {
  expect(files.length).toBeGreaterThan(0)
})

describe.each(files.map((f) => [relative(repo, f), f]))('%s', (_name, file) => {
  const source = readFileSync(file, 'utf8')

  test('imports only core/, types/ and zod', () => {
    expect(specifiers(source).filter((s) => !allowedImport(file, s))).toEqual([])
  })

  test('reads no environment or clock, draws no randomness, names no SDK', () => {
    expect(forbiddenMentions.filter((m) => source.includes(m))).toEqual([])
  })
})

/**
 * The calendar (types/calendar.ts) is shared with the client and the core may use it, so it is held
 * to the same rules, with dayjs besides zod; `dayjs()` with no instant is the clock, and the
 * timezone plugin reads the host's Intl (see the module's comment).
 */
describe('types/calendar.ts', () => {
  const file = join(repo, 'types/calendar.ts')
  const source = readFileSync(file, 'utf8')

  test('imports only types/ and dayjs', () => {
    const dayjsModule = (s: string) => s === 'dayjs' || s.startsWith('dayjs/')
    expect(specifiers(source).filter((s) => !dayjsModule(s) && !allowedImport(file, s))).toEqual([])
  })

  test('reads no environment or clock, not even through dayjs', () => {
    expect([...forbiddenMentions, 'dayjs()', 'dayjs/plugin/timezone'].filter((m) => source.includes(m))).toEqual([])
  })
})
