// mingo preloads only $match/$project/$sort for aggregation; this registers every operator
// ($group, $lookup, $count, accumulators, …) in its global context.
import 'mingo/init/system'
import { Aggregator, ProcessingMode, Query, update } from 'mingo'
import type { Doc } from './ejson'
import { DbError, dbErrors } from './errors'

/** MongoDB query and update semantics, evaluated by mingo over plain documents. */
export type Find = {
  criteria: Doc
  order?: Record<string, 1 | -1>
  offset?: number
  limit?: number
  projection?: Doc
}

// `$where` and `$function` would run caller-supplied JavaScript inside the server; CloudBase has no such thing.
const options = { scriptEnabled: false }

export function matcher(criteria: Doc): (doc: Doc) => boolean {
  const query = guard(() => new Query(criteria, options))
  return (doc) => guard(() => query.test(doc))
}

export function find(docs: Doc[], spec: Find): Doc[] {
  return guard(() => {
    let cursor = new Query(spec.criteria, options).find<Doc>(docs, spec.projection ?? {})
    if (spec.order && Object.keys(spec.order).length > 0) cursor = cursor.sort(spec.order)
    if (spec.offset) cursor = cursor.skip(spec.offset)
    if (spec.limit !== undefined) cursor = cursor.limit(spec.limit)
    const found = cursor.all()
    return spec.projection ? found.map(idFirst) : found
  })
}

/**
 * A new document with the update operators applied (the SDK flattens nested plain objects of
 * `update()` into dotted `$set` paths, which is what makes them merge; `set()` sends a replacement).
 */
export function applyUpdate(before: Doc, operators: Doc): Doc {
  const after = structuredClone(before)
  for (const [operator, fields] of Object.entries(operators)) {
    if (fields === null || typeof fields !== 'object') throw dbErrors.requestFailed(`invalid update operator ${operator}`)
    for (const path of Object.keys(fields)) {
      if (path === '_id' || path.startsWith('_id.')) {
        throw dbErrors.requestFailed("Performing an update on the path '_id' would modify the immutable field '_id'")
      }
    }
    guard(() => update(after, { [operator]: fields } as unknown as Parameters<typeof update>[1]))
  }
  return after
}

export function aggregate(docs: Doc[], pipeline: Doc[], collection: (name: string) => Doc[]): Doc[] {
  return guard(() =>
    new Aggregator(pipeline, {
      ...options,
      processingMode: ProcessingMode.CLONE_INPUT,
      collectionResolver: collection,
    }).run(docs) as Doc[],
  )
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
