// mingo preloads only $match/$project/$sort for aggregation; this registers every operator
// ($group, $lookup, $count, accumulators, …) in its global context.
import 'mingo/init/system'
import { Aggregator, ProcessingMode, Query, update } from 'mingo'
import { computeValue, Context, type Options } from 'mingo/core'
import type { IndexSpec } from '../../cloudfunctions/shared/runtime/collections'
import { compareBson, sortDocuments } from './bson-order'
import type { Doc } from './ejson'
import { DbError, dbErrors } from './errors'
import { byDistance, geoNearStage, geoQueryOperators, takeNear } from './geo'
import { valuesAt } from './paths'

/** MongoDB query and update semantics, evaluated by mingo over plain documents. */
export type Find = {
  criteria: Doc
  order?: Record<string, 1 | -1>
  offset?: number
  limit?: number
  projection?: Doc
}

/**
 * What mingo evaluates with, per collection: its geo operators need the collection's 2dsphere
 * indexes; aggregation comparisons and $sort follow MongoDB's BSON order (bson-order.ts), where
 * mingo's own compare like types only and sorts an array as a whole.
 * `$where` and `$function` would run caller-supplied JavaScript inside the server; CloudBase has no such thing.
 */
function optionsFor(indexes: readonly IndexSpec[]): Partial<Options> {
  const context = Context.init()
    .addQueryOps(geoQueryOperators(indexes))
    .addExpressionOps(bsonComparisons)
    .addPipelineOps({ $sort: (collection, order) => collection.transform((docs) => sortDocuments(docs as Doc[], sortSpec(order), valuesAt)) })
  return { scriptEnabled: false, context, useGlobalContext: true }
}

const compared = (test: (order: number) => boolean) => (obj: Doc, expr: unknown, options: Options) => {
  const args = computeValue(obj, expr, null, options) as unknown[]
  if (!Array.isArray(args) || args.length !== 2) throw dbErrors.requestFailed('a comparison expression takes exactly 2 arguments')
  return test(compareBson(args[0], args[1]))
}
const bsonComparisons = {
  $eq: compared((order) => order === 0),
  $ne: compared((order) => order !== 0),
  $gt: compared((order) => order > 0),
  $gte: compared((order) => order >= 0),
  $lt: compared((order) => order < 0),
  $lte: compared((order) => order <= 0),
  $cmp: (obj: Doc, expr: unknown, options: Options) => {
    const [a, b] = computeValue(obj, expr, null, options) as unknown[]
    return compareBson(a, b)
  },
}

function sortSpec(order: unknown): Record<string, 1 | -1> {
  if (order === null || typeof order !== 'object' || Object.keys(order).length === 0) throw dbErrors.requestFailed('$sort stage must have at least one sort key')
  return Object.fromEntries(
    Object.entries(order).map(([path, direction]) => {
      if (direction !== 1 && direction !== -1) throw dbErrors.requestFailed(`$sort key ordering must be 1 (ascending) or -1 (descending): ${path}`)
      return [path, direction]
    }),
  )
}

export function matcher(criteria: Doc, indexes: readonly IndexSpec[] = []): (doc: Doc) => boolean {
  const query = guard(() => new Query(criteria, optionsFor(indexes)))
  return (doc) => guard(() => query.test(doc))
}

export function find(docs: Doc[], spec: Find, indexes: readonly IndexSpec[] = []): Doc[] {
  return guard(() => {
    const options = optionsFor(indexes)
    const { near, rest } = takeNear(spec.criteria, indexes)
    const ordered = spec.order !== undefined && Object.keys(spec.order).length > 0
    if (!near && !ordered) {
      // Unordered: mingo's lazy cursor stops at the limit instead of matching every document.
      let cursor = new Query(rest, options).find<Doc>(docs, spec.projection ?? {})
      if (spec.offset) cursor = cursor.skip(spec.offset)
      if (spec.limit !== undefined) cursor = cursor.limit(spec.limit)
      return spec.projection ? cursor.all().map(idFirst) : cursor.all()
    }
    let found = new Query(rest, options).find<Doc>(docs).all()
    // $nearSphere answers nearest first; an explicit orderBy re-sorts them (manual, $near: "sort() re-orders").
    if (near) found = byDistance(found, near).map(({ doc }) => doc)
    if (spec.order && ordered) found = sortDocuments(found, spec.order, valuesAt)
    const page = found.slice(spec.offset ?? 0, spec.limit === undefined ? undefined : (spec.offset ?? 0) + spec.limit)
    if (!spec.projection) return page
    return new Query({}, options).find<Doc>(page, spec.projection).all().map(idFirst)
  })
}

/**
 * A new document with the update operators applied (the SDK flattens nested plain objects of
 * `update()` into dotted `$set` paths, which is what makes them merge; `set()` sends a replacement).
 * `query` is what matched the document: the positional `$` of `'arr.$.x'` is the first element of
 * `arr` it matched (manual, "$ (update)").
 */
export function applyUpdate(before: Doc, operators: Doc, query: Doc = {}): Doc {
  const after = structuredClone(before)
  for (const [operator, fields] of Object.entries(operators)) {
    if (fields === null || typeof fields !== 'object') throw dbErrors.requestFailed(`invalid update operator ${operator}`)
    const resolved: Doc = {}
    for (const [path, value] of Object.entries(fields)) {
      if (path === '_id' || path.startsWith('_id.')) {
        throw dbErrors.requestFailed("Performing an update on the path '_id' would modify the immutable field '_id'")
      }
      const at = positional(path, before, query)
      if (CREATING_OPERATORS.has(operator)) requireViablePath(after, at)
      resolved[at] = value
    }
    guard(() => update(after, { [operator]: resolved } as unknown as Parameters<typeof update>[1]))
  }
  return after
}

/** Operators that create their path when it is missing; MongoDB refuses them through a non-object. */
const CREATING_OPERATORS = new Set(['$set', '$inc', '$mul', '$max', '$min', '$push', '$addToSet', '$setOnInsert', '$currentDate'])

/**
 * MongoDB: `{ $set: { 'v.x': 1 } }` on `{ v: 1 }` fails with PathNotViable, "Cannot create field 'x' in
 * element {v: 1}"; through an array only a numeric part (or `$[]`) goes on.
 */
function requireViablePath(doc: Doc, path: string): void {
  let value: unknown = doc
  const parts = path.split('.')
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]
    if (Array.isArray(value)) {
      if (part === '$[]') return
      if (!/^\d+$/.test(part)) throw notViable(parts[i], parts.slice(0, i).join('.'), value)
      value = value[Number(part)]
    } else value = (value as Record<string, unknown>)[part]
    if (value === undefined) return
    if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) {
      throw notViable(parts[i + 1], parts.slice(0, i + 1).join('.'), value)
    }
  }
  const last = parts[parts.length - 1]
  if (Array.isArray(value) && last !== '$[]' && !/^\d+$/.test(last)) throw notViable(last, parts.slice(0, -1).join('.'), value)
}

const notViable = (field: string, at: string, value: unknown) =>
  dbErrors.requestFailed(`Cannot create field '${field}' in element {${at}: ${JSON.stringify(value)}}`)

/**
 * `arr.$` resolved to `arr.<i>`: the first element for which the query's conditions on `arr` hold
 * when `arr` is that element alone. MongoDB fails an update whose query says nothing of the array
 * ("The positional operator did not find the match needed from the query"). `$[]` passes through to
 * mingo; `$[name]` needs arrayFilters, which the SDK cannot send.
 */
function positional(path: string, doc: Doc, query: Doc): string {
  if (/\.\$\[[^\]]+\]/.test(path)) throw dbErrors.requestFailed(`No array filter found for identifier in path '${path}': arrayFilters are not served`)
  const at = path.split('.').indexOf('$')
  if (at < 0) return path
  const parts = path.split('.')
  const arrayPath = parts.slice(0, at).join('.')
  const array = valuesAt(doc, arrayPath)
  const conditions = arrayConditions(query, arrayPath)
  const missing = () => dbErrors.requestFailed(`The positional operator did not find the match needed from the query (${path})`)
  if (!Array.isArray(array) || conditions.length === 0) throw missing()
  const test = new Query({ $and: conditions }, { scriptEnabled: false })
  const index = array.findIndex((element) => test.test(withPath(arrayPath, [element])))
  if (index < 0) throw missing()
  return [...parts.slice(0, at), String(index), ...parts.slice(at + 1)].join('.')
}

function arrayConditions(query: Doc, arrayPath: string): Doc[] {
  return Object.entries(query).flatMap(([key, value]): Doc[] => {
    if (key === '$and' && Array.isArray(value)) return value.flatMap((part) => arrayConditions(part as Doc, arrayPath))
    return key === arrayPath || key.startsWith(`${arrayPath}.`) ? [{ [key]: value }] : []
  })
}

function withPath(path: string, value: unknown): Doc {
  return path.split('.').reduceRight<unknown>((inner, part) => ({ [part]: inner }), value) as Doc
}

/** CloudBase answers an aggregate without a `$limit` stage with 20 rows (WeChat community threads
 * 000624c67c8b48611dba2b12058c13, 0006ee7caecd8020df7b559b451800: "聚合查询默认是20条", tried against CloudBase). */
export const AGGREGATE_DEFAULT_ROWS = 20

export function aggregate(docs: Doc[], pipeline: Doc[], collection: (name: string) => Doc[], indexes: readonly IndexSpec[] = []): Doc[] {
  return guard(() => {
    const options = optionsFor(indexes)
    pipeline.forEach((stage, at) => {
      if (at > 0 && '$geoNear' in stage) throw dbErrors.requestFailed('$geoNear is only valid as the first stage in a pipeline')
    })
    let input = docs
    let stages = pipeline
    if (pipeline.length > 0 && '$geoNear' in pipeline[0]) {
      input = geoNear(docs, pipeline[0].$geoNear, indexes, options)
      stages = pipeline.slice(1)
    }
    const out = new Aggregator(stages, { ...options, processingMode: ProcessingMode.CLONE_INPUT, collectionResolver: collection }).run(input) as Doc[]
    return stages.some((stage) => '$limit' in stage) ? out : out.slice(0, AGGREGATE_DEFAULT_ROWS)
  })
}

function geoNear(docs: Doc[], spec: unknown, indexes: readonly IndexSpec[], options: Partial<Options>): Doc[] {
  const near = geoNearStage(spec, indexes)
  const filtered = new Query(near.query, options).find<Doc>(docs).all()
  return byDistance(filtered, near).map(({ doc, distance, location }) => {
    const out = structuredClone(doc)
    update(out, { $set: { [near.distanceField]: distance * near.multiplier, ...(near.includeLocs ? { [near.includeLocs]: { type: 'Point', coordinates: location } } : {}) } })
    return out
  })
}

// MongoDB answers a projected document with `_id` first; mingo appends it.
function idFirst(doc: Doc): Doc {
  return '_id' in doc ? { _id: doc._id, ...doc } : doc
}

function guard<T>(run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof DbError) throw error
    throw dbErrors.requestFailed(error instanceof Error ? error.message : String(error))
  }
}
