import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { collectionIndexes } from '../../cloudfunctions/shared/runtime/collections'
import { functionManifest } from '../../config/functions.manifest'

/**
 * `npm run deploy` as a person runs it, with a `.env` of their own in a temporary folder and no
 * credentials in it: the dry run must print the whole plan without reaching CloudBase, and a real run
 * must say what to put in `.env` instead of trying.
 */
const root = join(__dirname, '../..')
let folder: string

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'jucun-deploy-'))
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function deploy(envText: string, ...args: string[]) {
  const envFile = join(folder, `${args.join('_') || 'run'}.env`)
  writeFileSync(envFile, envText)
  const run = spawnSync('npm', ['run', '--silent', 'deploy', '--', ...args, '--env-file', envFile], { cwd: root, encoding: 'utf8', timeout: 60_000 })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

test('--dry-run without credentials prints every collection, unique index, function and the timer trigger, offline', () => {
  const { status, stdout, stderr } = deploy(
    ['ENV_ID=jucun-test-1', 'REQUEST_DEADLINES={"remindAtFraction":0.4}', 'SUBSCRIBE_TEMPLATE_REPLIED=tmpl-replied-93ab'].join('\n'),
    '--dry-run',
  )
  expect(stderr).toBe('')
  expect(status).toBe(0)
  expect(stdout).toContain('Deploy plan for CloudBase environment jucun-test-1 in ap-shanghai')
  expect(stdout).toContain('The environment was not read (dry run;')
  expect(stdout).not.toContain('Reading jucun-test-1')

  for (const [collection, indexes] of Object.entries(collectionIndexes)) {
    expect(stdout).toContain(`  ${collection}: create\n`)
    for (const index of indexes.filter((i) => i.unique)) {
      expect(stdout).toMatch(new RegExp(`\\+ index ${index.name} \\([^)]*\\) UNIQUE`))
    }
  }
  expect(stdout.match(/permission → ADMINONLY/g)).toHaveLength(Object.keys(collectionIndexes).length)
  for (const name of Object.keys(functionManifest)) expect(stdout).toContain(`  ${name}: create — Nodejs18.15`)
  expect(stdout).toContain('requests-timer: + timer trigger deadlines (0 */10 * * * * *)')
  expect(stdout).toContain('from .env, set: REQUEST_DEADLINES, SUBSCRIBE_TEMPLATE_REPLIED')
  expect(stdout).not.toContain('remindAtFraction')
  expect(stdout).not.toContain('tmpl-replied-93ab')
  expect(stdout.trim().endsWith('Dry run: nothing was changed.')).toBe(true)
})

test('a real run without credentials lists what .env needs and changes nothing', () => {
  const { status, stdout, stderr } = deploy('ENV_ID=jucun-test-1\n')
  expect(status).toBe(1)
  expect(stdout).toBe('')
  expect(stderr).toContain('lacks what a deploy needs:')
  expect(stderr).toContain('TENCENTCLOUD_SECRETID=')
  expect(stderr).toContain('TENCENTCLOUD_SECRETKEY=')
  expect(stderr).not.toContain('ENV_ID=')
  expect(stderr).toContain('Copy .env.example to .env')
})

test('a value the functions would refuse stops even a dry run', () => {
  const { status, stderr } = deploy('MINIPROGRAM_STATE=release\n', '--dry-run')
  expect(status).toBe(1)
  expect(stderr).toContain('MINIPROGRAM_STATE must be developer, trial or formal')
})
