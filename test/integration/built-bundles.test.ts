import { readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { FunctionMain } from '../../local/host/function-host'
import { invocationContext } from '../../local/host/invocation-context'
import { buildFunctions } from '../../config/functions.build'
import { contract, type FunctionName } from '../../types'
import { startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { filing, P } from '../support/requests'

/**
 * What CloudBase runs is the minified esbuild bundle (zod with its English messages only), not the
 * TypeScript the other tests import: each function's bundle must answer as its sources do. Built
 * inside the repository so the bundles find the SDKs in node_modules, as CloudBase installs them.
 */
const into = resolve(__dirname, '../../.cache', `built-bundles-${process.pid}`)
let cloud: TestCloudbase
const mainOf = (name: string) => (require(join(into, name, 'index.js')) as { main: FunctionMain }).main

beforeAll(async () => {
  await buildFunctions(into, ['requests', 'directory', 'wishes', 'council'], () => {})
  cloud = await startTestCloudbase()
})
afterAll(async () => {
  await cloud?.close()
  rmSync(into, { recursive: true, force: true })
})

test('the requests bundle files a request and the resident finds it in her list', async () => {
  const requests = mainOf('requests')
  const filed = (await requests({ action: 'file', input: filing() }, invocationContext('requests', P.residentA))) as { ok: boolean; data: { _id: string } }
  expect(filed.ok).toBe(true)
  const mine = (await requests({ action: 'listMine', input: {} }, invocationContext('requests', P.residentA))) as { ok: boolean; data: { items: Array<{ _id: string }> } }
  expect(mine.data.items.map((item) => item._id)).toContain(filed.data._id)
})

test('a malformed input is refused by the bundle with the field named, as the sources refuse it', async () => {
  const event = { action: 'file', input: { ...filing(), text: '' } }
  const fromBundle = await mainOf('requests')(event, invocationContext('requests', P.residentA))
  const fromSources = await cloud.callRaw(P.residentA, 'requests', event)
  expect(fromBundle).toEqual(fromSources)
  expect(fromBundle).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: ['text'] })
})

test.each(['directory', 'wishes', 'council'])('the %s bundle answers the signed-in resident', async (name) => {
  const answer = await mainOf(name)({ action: 'nonexistent', input: {} }, invocationContext(name as 'directory', P.residentA))
  const fromSources = await cloud.callRaw(P.residentA, name as 'directory', { action: 'nonexistent', input: {} })
  expect(answer).toEqual(fromSources)
  expect(answer).toMatchObject({ ok: false })
})

test("a function's bundle carries its own actions' schemas, not the other functions' (each is built at its cold start)", () => {
  // A refinement message is a string the minifier keeps: one each from council's and directory's actions.
  const councilActionsMark = 'art. 278 decides a yes/no question'
  const directoryActionsMark = 'WeChat asks for at most 3 templates at once'
  const bundle = (name: string) => readFileSync(join(into, name, 'index.js'), 'utf8')
  expect(bundle('council')).toContain(councilActionsMark)
  expect(bundle('directory')).toContain(directoryActionsMark)
  for (const name of ['requests', 'wishes', 'directory']) expect(bundle(name)).not.toContain(councilActionsMark)
  for (const name of ['requests', 'wishes', 'council']) expect(bundle(name)).not.toContain(directoryActionsMark)
})

test.each(['requests', 'directory', 'wishes', 'council'] as const)(
  "every action of the %s bundle takes or refuses an empty input as its sources do (the bundle's schemas are the contract's)",
  async (name: FunctionName) => {
    const outcome = (answer: unknown) => {
      const { ok, code, message } = answer as { ok: boolean; code?: string; message?: string }
      return ok ? { ok } : { ok, code, message }
    }
    for (const action of Object.keys(contract[name])) {
      const event = { action, input: {} }
      const fromSources = await cloud.callRaw(P.residentA, name, event)
      const fromBundle = await mainOf(name)(event, invocationContext(name, P.residentA))
      expect({ action, ...outcome(fromBundle) }).toEqual({ action, ...outcome(fromSources) })
    }
  },
)
