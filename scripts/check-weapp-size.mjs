// The weapp main package is what every resident downloads before the first screen, on any phone and
// network; WeChat's hard limit is 2 MB, but the aim is 500 KB (issue 11). It is held at 430 KB, just
// above what it weighs now (424 KB), so CI fails if it grows back. Most of it is the stack (Taro's
// runtime 133 KB, React's reconciler 91 KB, the 16-level base.wxml 65 KB); zod and the contract
// (136 KB) are in the subpackages only, since the main package's code calls through callUnchecked
// (src/services/call-unchecked.ts says what that gives up). Subpackages (staff, 微心愿, 议事厅, the
// resident's forms) are counted separately; each carries its own copy of zod and the contract.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const LIMIT_BYTES = 430 * 1024
const root = 'dist/weapp'
const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8'))
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((sub) => sub.root.replace(/\/$/, ''))

const sizes = { main: 0, ...Object.fromEntries(subRoots.map((sub) => [sub, 0])) }
const walk = (dir) => {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) walk(path)
    else {
      const rel = relative(root, path)
      const owner = subRoots.find((sub) => rel === sub || rel.startsWith(`${sub}/`)) ?? 'main'
      sizes[owner] += statSync(path).size
    }
  }
}
walk(root)
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
for (const [name, bytes] of Object.entries(sizes)) console.log(`weapp ${name === 'main' ? 'main package' : `subpackage ${name}`}: ${kb(bytes)}`)
if (sizes.main > LIMIT_BYTES) {
  console.error(`weapp main package ${kb(sizes.main)} exceeds the ${kb(LIMIT_BYTES)} budget`)
  process.exit(1)
}
