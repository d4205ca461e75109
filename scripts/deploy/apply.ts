import type { IndexSpec } from '../../cloudfunctions/shared/runtime/collections'
import type { TimerTrigger } from '../../config/functions.manifest'
import { setCollectionAcl, type ManagerApp } from './environment'
import { collectionAcl, declaredKeys, storageAcl, type DeployPlan } from './plan'

/**
 * Carries a plan out, in the order correctness needs: collections, then their indexes, then
 * permissions, and only then the functions. The unique indexes are what turn a second pending binding
 * request or a replayed event into DATABASE_DUPLICATE_WRITE, so no function may go live before them;
 * the first failure stops the run there.
 */
export type ApplyOptions = {
  envId: string
  /** The folder holding one built folder per function (dist/functions). */
  functionRoot: string
  buildFunctions: () => Promise<void>
  report: (line: string) => void
}

const createIndexRequest = (index: IndexSpec) => ({
  IndexName: index.name,
  MgoKeySchema: {
    MgoIsUnique: index.unique === true,
    MgoIndexKeys: declaredKeys(index).map(([Name, Direction]) => ({ Name, Direction })),
  },
})

const timerRequest = (trigger: TimerTrigger) => ({ name: trigger.name, type: trigger.type, config: trigger.cron })

export async function applyPlan(app: ManagerApp, plan: DeployPlan, options: ApplyOptions): Promise<void> {
  const { report } = options

  for (const c of plan.collections.filter((c) => c.create)) {
    const answer = await app.database.createCollectionIfNotExists(c.name)
    report(answer.IsCreated ? `collection ${c.name}: created` : `collection ${c.name}: already there`)
  }

  for (const c of plan.collections) {
    // Replaced ones go first: the name has to be free before the declared index can take it.
    for (const name of [...c.replaceIndexes.map((i) => i.name), ...c.dropIndexes]) {
      await app.database.updateCollection(c.name, { DropIndexes: [{ IndexName: name }] })
      report(`collection ${c.name}: index ${name} dropped`)
    }
    for (const index of [...c.replaceIndexes, ...c.createIndexes]) {
      await app.database.updateCollection(c.name, { CreateIndexes: [createIndexRequest(index)] })
      report(`collection ${c.name}: index ${index.name} created${index.unique ? ' (unique)' : ''}`)
    }
  }

  for (const c of plan.collections.filter((c) => c.acl.set)) {
    await setCollectionAcl(app, options.envId, c.name, collectionAcl)
    report(`collection ${c.name}: permission ${collectionAcl}`)
  }

  if (plan.storage.acl.set) {
    await app.storage.setStorageAcl(storageAcl)
    report(`file storage: permission ${storageAcl}`)
  }

  await options.buildFunctions()
  report(`functions built into ${options.functionRoot}`)

  for (const f of plan.functions) {
    await app.functions.createFunction({
      func: { name: f.name, ...f.spec, envVariables: f.envVariables },
      functionRootPath: options.functionRoot,
      // Updates code and configuration when the function exists. Triggers are left out here: on an
      // update manager-node would create them again, and CloudBase refuses a trigger name in use.
      force: true,
    })
    report(`function ${f.name}: ${f.create ? 'created' : 'updated'} (${Object.keys(f.envVariables).length} variables)`)
  }

  for (const f of plan.functions) {
    for (const name of [...f.triggers.replace.map((t) => t.name), ...f.triggers.drop]) {
      await app.functions.deleteFunctionTrigger(f.name, name)
      report(`function ${f.name}: trigger ${name} deleted`)
    }
    const triggers = [...f.triggers.replace, ...f.triggers.create]
    if (triggers.length > 0) {
      await app.functions.createFunctionTriggers(f.name, triggers.map(timerRequest))
      report(`function ${f.name}: trigger ${triggers.map((t) => `${t.name} (${t.cron})`).join(', ')} created`)
    }
  }
}
