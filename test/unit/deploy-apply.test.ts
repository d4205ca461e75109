import type { EnvInfo, IndexInfo } from '@cloudbase/manager-node/types/interfaces'
import type { IFunctionInfo } from '@cloudbase/manager-node/types/function/types'
import type { AclType } from '@cloudbase/manager-node/types/storage'
import { collectionIndexes } from '../../cloudfunctions/shared/runtime/collections'
import { functionManifest } from '../../config/functions.manifest'
import { applyPlan } from '../../scripts/deploy/apply'
import { readEnvironment, timerCron, type ManagerApp } from '../../scripts/deploy/environment'
import { planDeploy, unreadEnvironment } from '../../scripts/deploy/plan'

/**
 * No CloudBase is reachable from here, so the applier and the reader run against a stand-in that
 * records each call. It is typed as ManagerApp, which is picked from manager-node's own typings: a
 * call whose name or arguments the real SDK would not accept fails `tsc`, not only at deploy time.
 */
type Call = { method: string; args: unknown[] }

type FakeState = {
  collections: Record<string, { indexes: IndexInfo[]; acl: string }>
  functions: Record<string, Pick<IFunctionInfo, 'Triggers' | 'Environment'>>
  /** A new environment's storage is READONLY (所有用户可读，仅创建者和管理员可写). */
  storageAcl?: AclType
  failOn?: (call: Call) => boolean
}

function fakeManager(state: FakeState = { collections: {}, functions: {} }) {
  const calls: Call[] = []
  const record = (method: string, ...args: unknown[]) => {
    const call = { method, args }
    calls.push(call)
    if (state.failOn?.(call)) throw Object.assign(new Error(`${method} refused`), { code: 'FailedOperation' })
  }
  const app: ManagerApp = {
    env: {
      async getEnvInfo() {
        record('env.getEnvInfo')
        return { EnvInfo: { EnvId: 'env-1', Region: 'ap-shanghai' } as EnvInfo, RequestId: 'r' }
      },
    },
    database: {
      async listCollections(options) {
        record('database.listCollections', options)
        const names = Object.keys(state.collections).slice(options?.MgoOffset ?? 0, (options?.MgoOffset ?? 0) + (options?.MgoLimit ?? 100))
        return {
          RequestId: 'r',
          Collections: names.map((CollectionName) => ({ CollectionName, TableName: CollectionName, Count: 0, Size: 0, IndexCount: 0, IndexSize: 0 })),
          Pager: { Offset: options?.MgoOffset ?? 0, Limit: options?.MgoLimit ?? 100, Total: Object.keys(state.collections).length },
        }
      },
      async describeCollection(name) {
        record('database.describeCollection', name)
        return { RequestId: 'r', Indexes: state.collections[name].indexes, IndexNum: state.collections[name].indexes.length }
      },
      async createCollectionIfNotExists(name) {
        record('database.createCollectionIfNotExists', name)
        return { RequestId: 'r', IsCreated: true, ExistsResult: { RequestId: 'r', Exists: false } }
      },
      async updateCollection(name, indexes) {
        record('database.updateCollection', name, indexes)
      },
    },
    functions: {
      async listAllFunctions(options) {
        record('functions.listAllFunctions', options)
        return Object.keys(state.functions).map((FunctionName) => ({ FunctionName }))
      },
      async getFunctionDetail(name) {
        record('functions.getFunctionDetail', name)
        // Only the fields the reader uses; the rest of GetFunction's answer is irrelevant here.
        return state.functions[name] as IFunctionInfo
      },
      async createFunction(param) {
        record('functions.createFunction', param)
        return { RequestId: 'r' }
      },
      async createFunctionTriggers(name, triggers) {
        record('functions.createFunctionTriggers', name, triggers)
        return { RequestId: 'r' }
      },
      async deleteFunctionTrigger(name, triggerName) {
        record('functions.deleteFunctionTrigger', name, triggerName)
        return { RequestId: 'r' }
      },
    },
    storage: {
      // The reader asks for the plain permission (the first overload); the rule form is never used.
      getStorageAcl: (async () => {
        record('storage.getStorageAcl')
        return state.storageAcl ?? 'READONLY'
      }) as ManagerApp['storage']['getStorageAcl'],
      async setStorageAcl(acl) {
        record('storage.setStorageAcl', acl)
        return { RequestId: 'r' }
      },
    },
    commonService() {
      return {
        async call(options) {
          record(`commonService.call ${options.Action}`, options)
          if (options.Action === 'DescribeDatabaseACL') return { AclTag: state.collections[options.Param.CollectionName].acl, RequestId: 'r' }
          return { RequestId: 'r' }
        },
      }
    },
  }
  return { app, calls }
}

const applyOptions = (calls: Call[]) => ({
  envId: 'env-1',
  functionRoot: '/repo/dist/functions',
  buildFunctions: async () => {
    calls.push({ method: 'build', args: [] })
  },
  report: () => {},
})

const collectionNames = Object.keys(collectionIndexes)
const functionNamesInManifest = Object.keys(functionManifest)

describe('applying a plan for an empty environment', () => {
  test('collections, then indexes, then permissions, then the build, the functions and last the triggers', async () => {
    const { app, calls } = fakeManager()
    const plan = planDeploy(collectionIndexes, functionManifest, unreadEnvironment, { prune: false, values: { SUBSCRIBE_TEMPLATE_ACCEPTED: 'tmpl-a' } })
    await applyPlan(app, plan, applyOptions(calls))

    const stage = (method: string) =>
      method.startsWith('database.createCollection') ? 1
      : method === 'database.updateCollection' ? 2
      : method === 'commonService.call ModifyDatabaseACL' || method === 'storage.setStorageAcl' ? 3
      : method === 'build' ? 4
      : method === 'functions.createFunction' ? 5
      : method === 'functions.createFunctionTriggers' ? 6
      : 0
    const stages = calls.map((c) => stage(c.method))
    expect(stages).not.toContain(0)
    expect(stages).toEqual([...stages].sort((a, b) => a - b))

    expect(calls.filter((c) => c.method === 'database.createCollectionIfNotExists').map((c) => c.args[0])).toEqual(collectionNames)
    expect(calls.filter((c) => c.method === 'commonService.call ModifyDatabaseACL').map((c) => c.args[0])).toEqual(
      collectionNames.map((CollectionName) => ({ Action: 'ModifyDatabaseACL', Param: { EnvId: 'env-1', CollectionName, AclTag: 'ADMINONLY' } })),
    )
    // Photos: private storage, so a fileID alone opens nothing.
    expect(calls.filter((c) => c.method === 'storage.setStorageAcl')).toEqual([{ method: 'storage.setStorageAcl', args: ['PRIVATE'] }])
  })

  test('each index goes in as CreateIndexes with its keys in order, directions as strings and its unique flag', async () => {
    const { app, calls } = fakeManager()
    await applyPlan(app, planDeploy(collectionIndexes, functionManifest, unreadEnvironment, { prune: false, values: {} }), applyOptions(calls))
    const indexCalls = calls.filter((c) => c.method === 'database.updateCollection')
    expect(indexCalls).toHaveLength(Object.values(collectionIndexes).flat().length)
    expect(indexCalls).toContainEqual({
      method: 'database.updateCollection',
      args: [
        'binding_requests',
        {
          CreateIndexes: [
            { IndexName: 'one_open_per_user', MgoKeySchema: { MgoIsUnique: true, MgoIndexKeys: [{ Name: 'userId', Direction: '1' }, { Name: 'openSlot', Direction: '1' }] } },
          ],
        },
      ],
    })
    expect(indexCalls).toContainEqual({
      method: 'database.updateCollection',
      args: [
        'requests',
        {
          CreateIndexes: [
            {
              IndexName: 'by_grid_status',
              MgoKeySchema: {
                MgoIsUnique: false,
                MgoIndexKeys: [{ Name: 'route.gridId', Direction: '1' }, { Name: 'status', Direction: '1' }, { Name: 'updatedAt', Direction: '-1' }],
              },
            },
          ],
        },
      ],
    })
  })

  test('each function is created or updated from dist/functions with its configuration and variables, without triggers', async () => {
    const { app, calls } = fakeManager()
    await applyPlan(app, planDeploy(collectionIndexes, functionManifest, unreadEnvironment, { prune: false, values: { SUBSCRIBE_TEMPLATE_ACCEPTED: 'tmpl-a' } }), applyOptions(calls))
    const created = calls.filter((c) => c.method === 'functions.createFunction').map((c) => c.args[0])
    expect(created).toHaveLength(functionNamesInManifest.length)
    expect(created).toContainEqual({
      func: {
        name: 'requests-timer',
        runtime: 'Nodejs18.15',
        handler: 'index.main',
        timeout: 60,
        memorySize: 256,
        installDependency: true,
        envVariables: { SUBSCRIBE_TEMPLATE_ACCEPTED: 'tmpl-a' },
      },
      functionRootPath: '/repo/dist/functions',
      force: true,
    })
    expect(calls.filter((c) => c.method === 'functions.createFunctionTriggers')).toEqual([
      { method: 'functions.createFunctionTriggers', args: ['requests-timer', [{ name: 'deadlines', type: 'timer', config: '0 */10 * * * * *' }]] },
      { method: 'functions.createFunctionTriggers', args: ['wishes-timer', [{ name: 'wishes', type: 'timer', config: '0 */10 * * * * *' }]] },
      { method: 'functions.createFunctionTriggers', args: ['council-timer', [{ name: 'council', type: 'timer', config: '0 */10 * * * * *' }]] },
    ])
  })

  test('a unique index CloudBase refuses stops the run before any function is deployed', async () => {
    const { app, calls } = fakeManager({
      collections: {},
      functions: {},
      failOn: (call) => call.method === 'database.updateCollection' && JSON.stringify(call.args).includes('"MgoIsUnique":true'),
    })
    const plan = planDeploy(collectionIndexes, functionManifest, unreadEnvironment, { prune: false, values: {} })
    await expect(applyPlan(app, plan, applyOptions(calls))).rejects.toThrow('database.updateCollection refused')
    expect(calls.map((c) => c.method)).not.toContain('build')
    expect(calls.map((c) => c.method)).not.toContain('functions.createFunction')
  })
})

describe('reading an environment and applying the difference', () => {
  const state: FakeState = {
    collections: Object.fromEntries(
      collectionNames.map((name) => [
        name,
        {
          acl: 'ADMINONLY',
          indexes: [
            { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: false, Size: 0, Accesses: { Ops: 0, Since: '' } },
            ...collectionIndexes[name as keyof typeof collectionIndexes].map((index) => ({
              Name: index.name,
              Keys: Object.entries(index.keys).map(([Name, direction]) => ({ Name, Direction: String(direction) })),
              Unique: index.unique === true,
              Size: 0,
              Accesses: { Ops: 0, Since: '' },
            })),
          ],
        },
      ]),
    ),
    functions: {
      'requests-timer': {
        Triggers: [
          { TriggerName: 'deadlines', Name: 'deadlines', Type: 'timer', TriggerDesc: '{"cron":"0 0 * * * * *"}', Config: '' },
          { TriggerName: 'hourly', Name: 'hourly', Type: 'timer', TriggerDesc: '{"cron":"0 0 * * * * *"}', Config: '' },
        ],
        Environment: { Variables: [{ Key: 'NOTIFY_CHANNEL', Value: 'wechat' }] },
      },
    },
  }
  state.collections.households.acl = 'PRIVATE'
  state.collections.request_follows.indexes = state.collections.request_follows.indexes.filter((i) => i.Name !== 'by_request')
  state.collections.request_events.indexes = state.collections.request_events.indexes.map((i) => (i.Name === 'one_per_seq' ? { ...i, Unique: false } : i))

  test('the reader only reads, and finds what the environment has', async () => {
    const { app, calls } = fakeManager(state)
    const current = await readEnvironment(app, 'env-1', collectionIndexes, functionManifest)
    const writes = calls.filter((c) => /create|update|delete|Modify/.test(c.method))
    expect(writes).toEqual([])
    expect(current.known).toBe(true)
    expect(current.collections.households.acl).toBe('PRIVATE')
    expect(current.storageAcl).toBe('READONLY')
    expect(current.collections.households.indexes).toContainEqual({ name: 'by_building_room', keys: [['buildingId', '1'], ['room', '1']], unique: true })
    expect(current.functions).toEqual({
      'requests-timer': {
        triggers: [
          { name: 'deadlines', type: 'timer', cron: '0 0 * * * * *' },
          { name: 'hourly', type: 'timer', cron: '0 0 * * * * *' },
        ],
        variableNames: ['NOTIFY_CHANNEL'],
      },
    })
    expect(calls.filter((c) => c.method === 'functions.listAllFunctions')).toEqual([{ method: 'functions.listAllFunctions', args: [{ envId: 'env-1' }] }])
  })

  test('applies only the difference: the missing index, the changed one dropped first, the permission, the trigger replaced', async () => {
    const { app, calls } = fakeManager(state)
    const current = await readEnvironment(app, 'env-1', collectionIndexes, functionManifest)
    calls.length = 0
    await applyPlan(app, planDeploy(collectionIndexes, functionManifest, current, { prune: false, values: {} }), applyOptions(calls))

    expect(calls.filter((c) => c.method === 'database.createCollectionIfNotExists')).toEqual([])
    expect(calls.filter((c) => c.method === 'database.updateCollection').map((c) => c.args)).toEqual([
      ['request_events', { DropIndexes: [{ IndexName: 'one_per_seq' }] }],
      ['request_events', { CreateIndexes: [{ IndexName: 'one_per_seq', MgoKeySchema: { MgoIsUnique: true, MgoIndexKeys: [{ Name: 'requestId', Direction: '1' }, { Name: 'seq', Direction: '1' }] } }] }],
      ['request_follows', { CreateIndexes: [{ IndexName: 'by_request', MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: [{ Name: 'requestId', Direction: '1' }] } }] }],
    ])
    expect(calls.filter((c) => c.method === 'commonService.call ModifyDatabaseACL').map((c) => c.args[0])).toEqual([
      { Action: 'ModifyDatabaseACL', Param: { EnvId: 'env-1', CollectionName: 'households', AclTag: 'ADMINONLY' } },
    ])
    expect(calls.filter((c) => c.method === 'storage.setStorageAcl').map((c) => c.args)).toEqual([['PRIVATE']])
    // The undeclared trigger stays without --prune; the declared one gets its declared schedule back.
    expect(calls.filter((c) => c.method.startsWith('functions.') && c.method !== 'functions.createFunction')).toEqual([
      { method: 'functions.deleteFunctionTrigger', args: ['requests-timer', 'deadlines'] },
      { method: 'functions.createFunctionTriggers', args: ['requests-timer', [{ name: 'deadlines', type: 'timer', config: '0 */10 * * * * *' }]] },
      // A function the environment does not have yet gets its trigger with it.
      { method: 'functions.createFunctionTriggers', args: ['wishes-timer', [{ name: 'wishes', type: 'timer', config: '0 */10 * * * * *' }]] },
      { method: 'functions.createFunctionTriggers', args: ['council-timer', [{ name: 'council', type: 'timer', config: '0 */10 * * * * *' }]] },
    ])
  })
})

test('a timer schedule reads from SCF’s JSON description or from the cron as written', () => {
  expect(timerCron('{"cron":"0 */10 * * * * *"}')).toBe('0 */10 * * * * *')
  expect(timerCron('0 */10 * * * * *')).toBe('0 */10 * * * * *')
  expect(timerCron(undefined)).toBe('')
})
