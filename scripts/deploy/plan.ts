import type { DeploymentVariable, FunctionSpec, TimerTrigger } from '../../config/functions.manifest'
import type { IndexSpec } from '../../cloudfunctions/shared/runtime/collections'

/**
 * The difference between what the repository declares (collections.ts, functions.manifest.ts) and
 * what a CloudBase environment has: pure, so the same plan is printed by a dry run, applied by a real
 * one, and tested without CloudBase.
 */
export type CollectionDeclaration = Readonly<Record<string, readonly IndexSpec[]>>
export type FunctionManifest = Readonly<Record<string, FunctionSpec>>

/** Field and direction as the environment reports them ('1', '-1'), in the index's own order. */
export type PresentIndex = { name: string; keys: Array<[field: string, direction: string]>; unique: boolean }
export type PresentTrigger = { name: string; type: string; cron: string }

export type CurrentEnvironment = {
  /** False when the environment was not read (a dry run without credentials): taken as empty. */
  known: boolean
  collections: Readonly<Record<string, { indexes: readonly PresentIndex[]; acl: string | null }>>
  functions: Readonly<Record<string, { triggers: readonly PresentTrigger[]; variableNames: readonly string[] }>>
  /** The file storage's permission (READONLY, PRIVATE, …); absent when not read. */
  storageAcl?: string | null
}

export const unreadEnvironment: CurrentEnvironment = { known: false, collections: {}, functions: {} }

/**
 * 仅管理端可读写. The mini-program never reads the database directly: every read goes through a
 * function that checks rights and masks phones and rooms, and a client-readable collection would
 * bypass all of it.
 */
export const collectionAcl = 'ADMINONLY'

/**
 * 仅创建者可读写 (manager-node: PRIVATE, 仅创建者及管理员可读写). A resident's photo is read by its
 * uploader and, through a temporary URL a function makes after its rights check, by those who may
 * see the item (cloudfunctions/shared/runtime/photos.ts): never by anyone holding its fileID.
 */
export const storageAcl = 'PRIVATE'

/** MongoDB's own index on _id: every collection has it, and it is never declared. */
const idIndex = '_id_'

export type CollectionPlan = {
  name: string
  create: boolean
  createIndexes: IndexSpec[]
  /** Present under the declared name with other keys or uniqueness: dropped, then created as declared. */
  replaceIndexes: IndexSpec[]
  /** Declared and present, possibly under another name with the same keys (created by hand). */
  presentIndexes: Array<{ declared: string; present: string }>
  /** Present and not declared: reported; dropped only with --prune. */
  undeclaredIndexes: string[]
  dropIndexes: string[]
  acl: { current: string | null; set: boolean }
}

export type FunctionPlan = {
  name: string
  create: boolean
  spec: Omit<FunctionSpec, 'triggers' | 'fixedVariables' | 'variables'>
  /** Sent as the function's whole variable set (CloudBase replaces, never merges). Values are never printed. */
  envVariables: Record<string, string>
  variables: Array<{ name: string; fixed: boolean; set: boolean }>
  /** In the environment and not sent, so gone after the update. */
  droppedVariables: string[]
  triggers: {
    create: TimerTrigger[]
    replace: TimerTrigger[]
    unchanged: string[]
    undeclared: string[]
    drop: string[]
  }
}

export type DeployPlan = {
  environmentKnown: boolean
  prune: boolean
  collections: CollectionPlan[]
  storage: { acl: { current: string | null; set: boolean } }
  functions: FunctionPlan[]
}

export type PlanOptions = {
  prune: boolean
  /** The function variables `.env` sets. */
  values: Partial<Record<DeploymentVariable, string>>
}

export function declaredKeys(index: IndexSpec): Array<[string, string]> {
  return Object.entries(index.keys).map(([field, direction]) => [field, String(direction)])
}

function sameIndex(declared: IndexSpec, present: PresentIndex): boolean {
  const keys = declaredKeys(declared)
  return (
    (declared.unique === true) === present.unique &&
    keys.length === present.keys.length &&
    keys.every(([field, direction], i) => present.keys[i][0] === field && present.keys[i][1] === direction)
  )
}

function planCollection(name: string, declared: readonly IndexSpec[], current: CurrentEnvironment, prune: boolean): CollectionPlan {
  const existing = current.collections[name]
  const present = existing?.indexes ?? []
  const plan: CollectionPlan = {
    name,
    create: existing === undefined,
    createIndexes: [],
    replaceIndexes: [],
    presentIndexes: [],
    undeclaredIndexes: [],
    dropIndexes: [],
    acl: { current: existing?.acl ?? null, set: existing?.acl !== collectionAcl },
  }
  const accounted = new Set<string>([idIndex])
  const declaredNames = new Set(declared.map((index) => index.name))
  for (const index of declared) {
    const byName = present.find((p) => p.name === index.name)
    // MongoDB refuses a second index on the same keys, so one made by hand under another name stands in.
    const byKeys = byName ? undefined : present.find((p) => !accounted.has(p.name) && !declaredNames.has(p.name) && sameIndex(index, p))
    if (byName && sameIndex(index, byName)) {
      plan.presentIndexes.push({ declared: index.name, present: byName.name })
      accounted.add(byName.name)
    } else if (byName) {
      plan.replaceIndexes.push(index)
      accounted.add(byName.name)
    } else if (byKeys) {
      plan.presentIndexes.push({ declared: index.name, present: byKeys.name })
      accounted.add(byKeys.name)
    } else {
      plan.createIndexes.push(index)
    }
  }
  plan.undeclaredIndexes = present.map((p) => p.name).filter((n) => !accounted.has(n))
  if (prune) plan.dropIndexes = [...plan.undeclaredIndexes]
  return plan
}

function planFunction(name: string, spec: FunctionSpec, current: CurrentEnvironment, options: PlanOptions): FunctionPlan {
  const existing = current.functions[name]
  const envVariables: Record<string, string> = { ...spec.fixedVariables }
  const variables: FunctionPlan['variables'] = Object.keys(spec.fixedVariables).map((n) => ({ name: n, fixed: true, set: true }))
  for (const variable of spec.variables) {
    const value = options.values[variable]
    variables.push({ name: variable, fixed: false, set: value !== undefined })
    if (value !== undefined) envVariables[variable] = value
  }
  const sent = Object.keys(envVariables)
  // manager-node sends no variable set at all when it is empty, which keeps the old one.
  const droppedVariables = sent.length === 0 ? [] : (existing?.variableNames ?? []).filter((n) => !sent.includes(n))

  const presentTriggers = existing?.triggers ?? []
  const triggers: FunctionPlan['triggers'] = { create: [], replace: [], unchanged: [], undeclared: [], drop: [] }
  for (const trigger of spec.triggers) {
    const present = presentTriggers.find((p) => p.name === trigger.name)
    if (!present) triggers.create.push(trigger)
    else if (present.type !== trigger.type || present.cron !== trigger.cron) triggers.replace.push(trigger)
    else triggers.unchanged.push(trigger.name)
  }
  triggers.undeclared = presentTriggers.map((p) => p.name).filter((n) => !spec.triggers.some((t) => t.name === n))
  if (options.prune) triggers.drop = [...triggers.undeclared]

  const { runtime, handler, timeout, memorySize, installDependency } = spec
  return {
    name,
    create: existing === undefined,
    spec: { runtime, handler, timeout, memorySize, installDependency },
    envVariables,
    variables,
    droppedVariables,
    triggers,
  }
}

export function planDeploy(
  declaration: CollectionDeclaration,
  manifest: FunctionManifest,
  current: CurrentEnvironment,
  options: PlanOptions,
): DeployPlan {
  return {
    environmentKnown: current.known,
    prune: options.prune,
    collections: Object.entries(declaration).map(([name, indexes]) => planCollection(name, indexes, current, options.prune)),
    storage: { acl: { current: current.storageAcl ?? null, set: current.storageAcl !== storageAcl } },
    functions: Object.entries(manifest).map(([name, spec]) => planFunction(name, spec, current, options)),
  }
}
