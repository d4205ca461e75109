import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseEnv } from 'node:util'
import { collectionIndexes } from '../../cloudfunctions/shared/runtime/collections'
import { deploymentVariables, functionManifest } from '../../config/functions.manifest'
import { deploymentSettings, readDeployEnv } from '../../scripts/deploy/deploy-env'
import { collectionAcl, declaredKeys, planDeploy, unreadEnvironment, type PresentIndex, type PresentTrigger } from '../../scripts/deploy/plan'
import { printPlan } from '../../scripts/deploy/print'
import { functionNames, pushFunctionNames, timerFunctionNames } from '../../types/contract'

const root = join(__dirname, '../..')
const declared = Object.entries(collectionIndexes)
const noValues = { prune: false, values: {} }

type EditableEnvironment = {
  collections: Record<string, { indexes: PresentIndex[]; acl: string | null }>
  functions: Record<string, { triggers: PresentTrigger[]; variableNames: string[] }>
  storageAcl: string | null
}

/** The environment as it would be after a complete deploy of the current declaration. */
function deployedEnvironment(): EditableEnvironment {
  return {
    collections: Object.fromEntries(
      declared.map(([name, indexes]) => [
        name,
        {
          indexes: [
            { name: '_id_', keys: [['_id', '1']], unique: false },
            ...indexes.map((index) => ({ name: index.name, keys: declaredKeys(index), unique: index.unique === true })),
          ],
          acl: collectionAcl,
        },
      ]),
    ),
    functions: Object.fromEntries(
      Object.entries(functionManifest).map(([name, spec]) => [
        name,
        { triggers: spec.triggers.map((t) => ({ name: t.name, type: t.type, cron: t.cron })), variableNames: Object.keys(spec.fixedVariables) },
      ]),
    ),
    storageAcl: 'PRIVATE',
  }
}

describe('the function manifest', () => {
  test('describes exactly the functions the contract deploys', () => {
    expect(Object.keys(functionManifest).sort()).toEqual([...functionNames, ...timerFunctionNames, ...pushFunctionNames].sort())
  })

  test('gives every variable a function reads a meaning, and .env.example lists each setting and variable once', () => {
    const example = parseEnv(readFileSync(join(root, '.env.example'), 'utf8'))
    const expected = [...Object.keys(deploymentSettings), ...Object.keys(deploymentVariables)].sort()
    expect(Object.keys(example).sort()).toEqual(expected)
    for (const spec of Object.values(functionManifest)) {
      for (const variable of spec.variables) expect(deploymentVariables[variable].meaning).toBeTruthy()
    }
  })

  test('the functions that send notices get every template, keyword list and the mini-program state', () => {
    const noticeVariables = Object.keys(deploymentVariables).filter((n) => n.startsWith('SUBSCRIBE_') || n === 'MINIPROGRAM_STATE')
    expect(noticeVariables).toHaveLength(13)
    for (const name of ['directory', 'requests', 'requests-timer'] as const) {
      expect(functionManifest[name].variables).toEqual(expect.arrayContaining(noticeVariables))
    }
  })
})

describe('planDeploy against an empty environment', () => {
  const plan = planDeploy(collectionIndexes, functionManifest, unreadEnvironment, noValues)

  test('creates every declared collection with every index, unique flags as declared, and ADMINONLY on each', () => {
    expect(plan.environmentKnown).toBe(false)
    expect(plan.collections.map((c) => c.name)).toEqual(declared.map(([name]) => name))
    for (const c of plan.collections) {
      expect(c.create).toBe(true)
      expect(c.createIndexes).toEqual(collectionIndexes[c.name as keyof typeof collectionIndexes])
      expect(c.acl).toEqual({ current: null, set: true })
      expect([...c.replaceIndexes, ...c.presentIndexes, ...c.undeclaredIndexes, ...c.dropIndexes]).toEqual([])
    }
    expect(plan.storage.acl).toEqual({ current: null, set: true })
    const unique = plan.collections.flatMap((c) => c.createIndexes.filter((i) => i.unique).map((i) => `${c.name}.${i.name}`))
    expect(unique).toEqual(expect.arrayContaining(['households.by_building_room', 'binding_requests.one_open_per_user', 'request_events.one_per_seq']))
  })

  // WeChat 云开发 updateIndex: direction "1", "-1" or "2dsphere" (地理位置), which geo queries need.
  test('a geo index is declared with direction 2dsphere and sent as it is', () => {
    const geo = planDeploy({ places: [{ name: 'by_location', keys: { location: '2dsphere' } }] }, functionManifest, unreadEnvironment, noValues)
    const [index] = geo.collections[0].createIndexes
    expect(declaredKeys(index)).toEqual([['location', '2dsphere']])
  })

  test('creates every function of the manifest, its configuration as declared and its timer trigger', () => {
    expect(plan.functions.map((f) => f.name)).toEqual(Object.keys(functionManifest))
    for (const f of plan.functions) {
      const spec = functionManifest[f.name as keyof typeof functionManifest]
      expect(f.create).toBe(true)
      expect(f.spec).toEqual({ runtime: 'Nodejs18.15', handler: 'index.main', timeout: spec.timeout, memorySize: spec.memorySize, installDependency: true })
      expect(f.triggers.create).toEqual(spec.triggers)
    }
    expect(plan.functions.find((f) => f.name === 'requests-timer')?.triggers.create).toEqual([
      { name: 'deadlines', type: 'timer', cron: '0 */10 * * * * *' },
    ])
  })

  test('sends the fixed variables and those .env sets, and nothing for the unset ones', () => {
    const withValues = planDeploy(collectionIndexes, functionManifest, unreadEnvironment, {
      prune: false,
      values: { SUBSCRIBE_TEMPLATE_REPLIED: 'tmpl-replied', REQUEST_DEADLINES: '{"remindAtFraction":0.5}' },
    })
    const requests = withValues.functions.find((f) => f.name === 'requests')!
    expect(requests.envVariables).toEqual({
      SUBSCRIBE_TEMPLATE_REPLIED: 'tmpl-replied',
      REQUEST_DEADLINES: '{"remindAtFraction":0.5}',
    })
    expect(requests.variables.find((v) => v.name === 'SUBSCRIBE_TEMPLATE_ALERT')).toEqual({ name: 'SUBSCRIBE_TEMPLATE_ALERT', fixed: false, set: false })
  })
})

describe('planDeploy against an environment that has part of it', () => {
  test('an environment deployed as declared needs nothing but the code update', () => {
    const plan = planDeploy(collectionIndexes, functionManifest, { known: true, ...deployedEnvironment() }, noValues)
    for (const c of plan.collections) {
      expect(c).toMatchObject({ create: false, createIndexes: [], replaceIndexes: [], undeclaredIndexes: [], acl: { set: false } })
    }
    expect(plan.storage.acl).toEqual({ current: 'PRIVATE', set: false })
    for (const f of plan.functions) {
      expect(f.create).toBe(false)
      expect(f.triggers).toEqual({ create: [], replace: [], unchanged: functionManifest[f.name as keyof typeof functionManifest].triggers.map((t) => t.name), undeclared: [], drop: [] })
      expect(f.droppedVariables).toEqual([])
    }
  })

  test('plans only the difference: a missing collection, a missing index, a changed one, a wrong permission, a stale trigger', () => {
    const environment = deployedEnvironment()
    delete environment.collections.messages
    environment.collections.households.acl = 'PRIVATE'
    environment.storageAcl = 'READONLY'
    environment.collections.requests.indexes = environment.collections.requests.indexes.filter((i) => i.name !== 'by_timer')
    // Same name, no longer unique: it must be made unique again, not left as it is.
    environment.collections.request_events.indexes = environment.collections.request_events.indexes.map((i) =>
      i.name === 'one_per_seq' ? { ...i, unique: false } : i,
    )
    // Created by hand from the old checklist, same keys under another name.
    environment.collections.grids.indexes = [{ name: 'communityId_1', keys: [['communityId', '1']], unique: false }]
    environment.collections.users.indexes.push({ name: 'by_phone', keys: [['phone', '1']], unique: false })
    delete environment.functions.directory
    environment.functions['requests-timer'] = { triggers: [{ name: 'deadlines', type: 'timer', cron: '0 0 * * * * *' }, { name: 'old', type: 'timer', cron: '0 0 1 * * * *' }], variableNames: ['NOTIFY_CHANNEL', 'SUBSCRIBE_TEMPLATE'] }

    const plan = planDeploy(collectionIndexes, functionManifest, { known: true, ...environment }, noValues)
    const changed = plan.collections.filter((c) => c.create || c.acl.set || c.createIndexes.length || c.replaceIndexes.length || c.undeclaredIndexes.length)
    expect(changed.map((c) => c.name).sort()).toEqual(['households', 'messages', 'request_events', 'requests', 'users'])
    const byName = Object.fromEntries(plan.collections.map((c) => [c.name, c]))
    expect(byName.messages.create).toBe(true)
    expect(byName.messages.createIndexes).toEqual(collectionIndexes.messages)
    expect(byName.households).toMatchObject({ create: false, createIndexes: [], acl: { current: 'PRIVATE', set: true } })
    // Public-readable storage would open every photo to anyone holding its fileID.
    expect(plan.storage.acl).toEqual({ current: 'READONLY', set: true })
    expect(byName.requests.createIndexes.map((i) => i.name)).toEqual(['by_timer'])
    expect(byName.request_events.replaceIndexes).toEqual([{ name: 'one_per_seq', keys: { requestId: 1, seq: 1 }, unique: true }])
    expect(byName.grids.presentIndexes).toEqual([{ declared: 'by_community', present: 'communityId_1' }])
    expect(byName.users).toMatchObject({ undeclaredIndexes: ['by_phone'], dropIndexes: [] })

    const functions = Object.fromEntries(plan.functions.map((f) => [f.name, f]))
    expect(functions.directory.create).toBe(true)
    expect(functions.requests.create).toBe(false)
    expect(functions['requests-timer'].triggers).toMatchObject({ create: [], replace: [{ name: 'deadlines', cron: '0 */10 * * * * *' }], undeclared: ['old'], drop: [] })
    // Nothing to send keeps the old set (manager-node sends none); sending any replaces it.
    expect(functions['requests-timer'].droppedVariables).toEqual([])
    const withAlert = planDeploy(collectionIndexes, functionManifest, { known: true, ...environment }, { prune: false, values: { SUBSCRIBE_TEMPLATE_ALERT: 'tmpl-alert' } })
    expect(withAlert.functions.find((f) => f.name === 'requests-timer')?.droppedVariables).toEqual(['NOTIFY_CHANNEL', 'SUBSCRIBE_TEMPLATE'])

    const pruned = planDeploy(collectionIndexes, functionManifest, { known: true, ...environment }, { prune: true, values: {} })
    expect(pruned.collections.find((c) => c.name === 'users')?.dropIndexes).toEqual(['by_phone'])
    expect(pruned.functions.find((f) => f.name === 'requests-timer')?.triggers.drop).toEqual(['old'])
  })
})

describe('the printed plan', () => {
  test('names each variable and whether it is set, never a value from .env', () => {
    const values = { REQUEST_DEADLINES: '{"byCategory":{"hazard":{"respondHours":1}}}', SUBSCRIBE_TEMPLATE_ALERT: 'tmpl-alert-7f3e' }
    const plan = planDeploy(collectionIndexes, functionManifest, unreadEnvironment, { prune: false, values })
    const text = printPlan(plan, { envId: 'env-1', region: 'ap-shanghai', envFile: '.env', unreadReason: 'dry run' }).join('\n')
    expect(text).toContain('from .env, set: REQUEST_DEADLINES, SUBSCRIBE_TEMPLATE_ALERT')
    expect(text).toContain('not set (not sent): MINIPROGRAM_STATE')
    expect(text).not.toContain('respondHours')
    expect(text).not.toContain('tmpl-alert-7f3e')
    expect(text).toContain('households: create\n    + index by_building_room (buildingId 1, room 1) UNIQUE')
    expect(text).toContain('  file storage: permission → PRIVATE (仅创建者可读写)')
  })
})

describe('reading .env', () => {
  test('names what a real deploy lacks; empty values count as unset; the region defaults to ap-shanghai', () => {
    const env = readDeployEnv({ ENV_ID: 'env-1', TENCENTCLOUD_SECRETID: ' ', MINIPROGRAM_STATE: '' })
    expect(env).toMatchObject({ envId: 'env-1', region: 'ap-shanghai', credentials: null, values: {}, invalid: [] })
    expect(env.missing).toEqual(['TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'])
  })

  test('refuses values the functions would refuse', () => {
    const env = readDeployEnv({ MINIPROGRAM_STATE: 'release', REQUEST_DEADLINES: '{byCategory', SUBSCRIBE_KEYS_ALERT: 'thing1, time2', SUBSCRIBE_KEYS_REVIEW: 'thing1,phrase2,time3' })
    expect(env.invalid).toEqual([
      'REQUEST_DEADLINES is not JSON',
      'MINIPROGRAM_STATE must be developer, trial or formal',
      'SUBSCRIBE_KEYS_ALERT must be keyword names separated by commas, e.g. thing1,thing2,time3',
    ])
    expect(env.values).toEqual({ SUBSCRIBE_KEYS_REVIEW: 'thing1,phrase2,time3' })
  })

  test('credentials with their optional session token', () => {
    expect(readDeployEnv({ TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key', TENCENTCLOUD_SESSIONTOKEN: 'token', TENCENTCLOUD_REGION: 'ap-guangzhou' })).toMatchObject({
      credentials: { secretId: 'id', secretKey: 'key', token: 'token' },
      region: 'ap-guangzhou',
      missing: ['ENV_ID'],
    })
  })
})
