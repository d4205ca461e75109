// Runs every jest project and ends with one plain line, `tests: N passed, N failed`, that CI reads.
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const report = join(tmpdir(), `jucun-jest-${process.pid}.json`)
const result = spawnSync('npx', ['jest', '--json', `--outputFile=${report}`, ...process.argv.slice(2)], { stdio: 'inherit' })
let summary = null
try {
  summary = JSON.parse(readFileSync(report, 'utf8'))
  rmSync(report)
} catch {
  console.error('jest wrote no report')
}
if (summary) {
  const skipped = summary.numPendingTests + summary.numTodoTests
  console.log(`\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`)
  if (summary.numFailedTestSuites > 0 && summary.numFailedTests === 0) console.log(`(${summary.numFailedTestSuites} test files failed to run)`)
}
process.exit(result.status ?? 1)
