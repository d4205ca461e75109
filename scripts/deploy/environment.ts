import CloudBase from '@cloudbase/manager-node'
import type { Credentials } from './deploy-env'
import type { CollectionDeclaration, CurrentEnvironment, FunctionManifest, PresentIndex, PresentTrigger } from './plan'

/**
 * The part of @cloudbase/manager-node the deploy uses, picked from its own typings: the real app is
 * assignable to it (connect() says so), and so must be any stand-in, call for call.
 */
type Manager = InstanceType<typeof CloudBase>
export type ManagerApp = {
  env: Pick<Manager['env'], 'getEnvInfo'>
  database: Pick<Manager['database'], 'listCollections' | 'describeCollection' | 'createCollectionIfNotExists' | 'updateCollection'>
  functions: Pick<
    Manager['functions'],
    'listAllFunctions' | 'getFunctionDetail' | 'createFunction' | 'createFunctionTriggers' | 'deleteFunctionTrigger'
  >
  commonService(): Pick<ReturnType<Manager['commonService']>, 'call'>
  storage: Pick<Manager['storage'], 'getStorageAcl' | 'setStorageAcl'>
}

export function connect(envId: string, region: string, credentials: Credentials): ManagerApp {
  return new CloudBase({ ...credentials, envId, region })
}

/**
 * Collection permissions have no method in manager-node; its commonService() calls the tcb API
 * (2018-06-08) by action name, which is how Tencent's own tooling reaches them.
 * DescribeDatabaseACL answers { AclTag, RequestId }.
 */
export async function describeCollectionAcl(app: ManagerApp, envId: string, collection: string): Promise<string | null> {
  const answer: { AclTag?: string | null } = await app.commonService().call({
    Action: 'DescribeDatabaseACL',
    Param: { EnvId: envId, CollectionName: collection },
  })
  return answer.AclTag ?? null
}

export async function setCollectionAcl(app: ManagerApp, envId: string, collection: string, aclTag: string): Promise<void> {
  await app.commonService().call({ Action: 'ModifyDatabaseACL', Param: { EnvId: envId, CollectionName: collection, AclTag: aclTag } })
}

/** SCF reports a timer's schedule as TriggerDesc, a JSON object {"cron": …}; older answers give the cron itself. */
export function timerCron(description: string | undefined): string {
  if (!description) return ''
  try {
    const parsed: unknown = JSON.parse(description)
    if (parsed && typeof parsed === 'object' && typeof (parsed as { cron?: unknown }).cron === 'string') return (parsed as { cron: string }).cron
  } catch {
    // not JSON: the cron as written
  }
  return description
}

async function collectionNames(app: ManagerApp): Promise<Set<string>> {
  const names = new Set<string>()
  const pageSize = 100
  for (let offset = 0; ; offset += pageSize) {
    const page = await app.database.listCollections({ MgoLimit: pageSize, MgoOffset: offset })
    for (const collection of page.Collections) names.add(collection.CollectionName)
    if (page.Collections.length < pageSize || names.size >= (page.Pager?.Total ?? 0)) return names
  }
}

/** What the environment has of what is declared, by read-only calls only. */
export async function readEnvironment(
  app: ManagerApp,
  envId: string,
  declaration: CollectionDeclaration,
  manifest: FunctionManifest,
): Promise<CurrentEnvironment> {
  // Fails first and plainly when the id is wrong or the key has no access to it.
  await app.env.getEnvInfo()

  const existingCollections = await collectionNames(app)
  const collections: Record<string, CurrentEnvironment['collections'][string]> = {}
  for (const name of Object.keys(declaration)) {
    if (!existingCollections.has(name)) continue
    const table = await app.database.describeCollection(name)
    const indexes: PresentIndex[] = (table.Indexes ?? []).map((index) => ({
      name: index.Name,
      keys: (index.Keys ?? []).map((key) => [key.Name ?? '', String(key.Direction ?? '')]),
      unique: index.Unique === true,
    }))
    collections[name] = { indexes, acl: await describeCollectionAcl(app, envId, name) }
  }

  const existingFunctions = new Set((await app.functions.listAllFunctions({ envId })).map((f) => f.FunctionName))
  const functions: Record<string, CurrentEnvironment['functions'][string]> = {}
  for (const name of Object.keys(manifest)) {
    if (!existingFunctions.has(name)) continue
    const detail = await app.functions.getFunctionDetail(name)
    const triggers: PresentTrigger[] = (detail.Triggers ?? []).map((trigger) => ({
      name: trigger.TriggerName ?? trigger.Name,
      type: trigger.Type,
      cron: timerCron(trigger.TriggerDesc ?? trigger.Config),
    }))
    functions[name] = { triggers, variableNames: (detail.Environment?.Variables ?? []).map((v) => v.Key) }
  }
  return { known: true, collections, functions, storageAcl: await app.storage.getStorageAcl() }
}
