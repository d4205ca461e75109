// The weapp main package must stay under 1.2 MB (WeChat's hard limit is 2 MB; the rest is headroom
// for the requests, wishes and council pages). Subpackages are counted separately.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const LIMIT_BYTES = 1.2 * 1024 * 1024
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
