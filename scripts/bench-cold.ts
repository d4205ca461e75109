/**
 * Cold start of each cloud function: how long loading its built bundle takes in a fresh Node process,
 * which is what the resident who taps first after an idle spell waits for on CloudBase.
 *   npm run bench:cold [-- --runs 9]
 * Builds dist/functions, then for each function loads index.js in `runs` fresh processes and prints
 * the median CPU time, beside the median of loading @cloudbase/node-sdk alone (every function needs it, and
 * the project cannot make it faster): the difference is the project's own share (aim ≤ 100 ms).
 * Prints figures; asserts nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' } } })
const RUNS = Number(values.runs)
const PROJECT_SHARE_AIM_MS = 100
const root = resolve(__dirname, '..')
const functionsDir = join(root, 'dist/functions')

// The CloudBase runtime sets this; without it the SDK probes a cloud metadata host when it starts.
const env = { ...process.env, TENCENTCLOUD_RUNENV: 'SCF' }

/**
 * CPU milliseconds to `require` one module in a brand-new Node process (Node's own start excluded).
 * CPU time, not wall time: this machine is shared, and waiting for a core is not the bundle's cost.
 */
function loadMs(modulePath: string): number {
  const script = `const t = process.cpuUsage(); require(${JSON.stringify(modulePath)}); const u = process.cpuUsage(t); process.stdout.write(String((u.user + u.system) / 1000))`
  const run = spawnSync(process.execPath, ['-e', script], { cwd: root, env, encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`loading ${modulePath} failed:\n${run.stderr}`)
  return Number(run.stdout)
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

function main(): void {
  execFileSync('npx', ['tsx', 'config/functions.build.ts'], { cwd: root, stdio: 'ignore' })
  const sdk = require.resolve('@cloudbase/node-sdk', { paths: [root] })
  const names = readdirSync(functionsDir).sort()
  const bundles = names.map((name) => join(functionsDir, name, 'index.js'))
  // Round by round, the SDK alone beside every bundle: on a shared machine both see the same load.
  const samples = new Map<string, number[]>([sdk, ...bundles].map((path) => [path, []]))
  for (let round = 0; round < RUNS; round++) for (const [path, times] of samples) times.push(loadMs(path))
  const sdkMs = median(samples.get(sdk)!)
  console.log(`@cloudbase/node-sdk alone: ${sdkMs.toFixed(0)} ms (median of ${RUNS} fresh processes; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`)
  console.log(`function            bundle    load   project's share (aim ≤ ${PROJECT_SHARE_AIM_MS} ms)`)
  names.forEach((name, i) => {
    const kb = statSync(bundles[i]).size / 1024
    const ms = median(samples.get(bundles[i])!)
    const share = ms - sdkMs
    console.log(
      `${name.padEnd(18)} ${`${kb.toFixed(0)} KB`.padStart(7)} ${`${ms.toFixed(0)} ms`.padStart(8)}   ${share.toFixed(0)} ms ${share <= PROJECT_SHARE_AIM_MS ? 'meets the aim' : 'over the aim'}`,
    )
  })
}

main()
