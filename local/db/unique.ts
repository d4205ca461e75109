import type { IndexSpec } from '../../cloudfunctions/shared/runtime/collections'
import { stringifyEjson, type Doc } from './ejson'
import { dbErrors } from './errors'
import { valuesAt } from './paths'

/** How an empty array is keyed: MongoDB indexes it as `undefined`, a value of its own (neither null nor any element). */
const EMPTY_ARRAY = { $undefined: true }

/**
 * The keys a document holds in a unique index. As in MongoDB, a missing field counts as null, so two
 * documents both lacking a key field collide (CloudBase docs, 数据库索引: 唯一索引的空值限制). An array
 * field gives one key per element (a multikey index, MongoDB manual "Multikey Indexes": a unique
 * multikey index keeps two documents from sharing any element, while one document may repeat its own);
 * two array fields in one compound key MongoDB refuses ("cannot index parallel arrays").
 */
export function indexKeys(spec: IndexSpec, doc: Doc): string[] {
  const perField = Object.keys(spec.keys).map((path) => {
    const value = valuesAt(doc, path) ?? null
    if (!Array.isArray(value)) return { array: false, values: [value] }
    return { array: true, values: value.length === 0 ? [EMPTY_ARRAY] : value }
  })
  if (perField.filter((field) => field.array).length > 1) {
    throw dbErrors.requestFailed(`cannot index parallel arrays in index ${spec.name}`)
  }
  const combinations = perField.reduce<unknown[][]>((keys, field) => keys.flatMap((key) => field.values.map((value) => [...key, value])), [[]])
  return [...new Set(combinations.map((key) => stringifyEjson(key)))]
}

/** Committed owners of every unique-index key: index key → document key, per collection and index. */
export class UniqueIndexes {
  private readonly owners = new Map<string, Map<string, Map<string, string>>>()

  constructor(private readonly declared: Record<string, IndexSpec[]>) {}

  specs(collection: string): IndexSpec[] {
    return (this.declared[collection] ?? []).filter((spec) => spec.unique)
  }

  owner(collection: string, spec: IndexSpec, key: string): string | undefined {
    return this.owners.get(collection)?.get(spec.name)?.get(key)
  }

  /** The first index key on which `doc` would collide with another committed document, if any. */
  clash(collection: string, docKey: string, doc: Doc): { spec: IndexSpec; key: string } | undefined {
    for (const spec of this.specs(collection)) {
      for (const key of indexKeys(spec, doc)) {
        const owner = this.owner(collection, spec, key)
        if (owner !== undefined && owner !== docKey) return { spec, key }
      }
    }
    return undefined
  }

  add(collection: string, docKey: string, doc: Doc): void {
    for (const spec of this.specs(collection)) {
      const entries = this.entries(collection, spec)
      for (const key of indexKeys(spec, doc)) entries.set(key, docKey)
    }
  }

  remove(collection: string, docKey: string, doc: Doc): void {
    for (const spec of this.specs(collection)) {
      const entries = this.entries(collection, spec)
      for (const key of indexKeys(spec, doc)) if (entries.get(key) === docKey) entries.delete(key)
    }
  }

  private entries(collection: string, spec: IndexSpec): Map<string, string> {
    let byIndex = this.owners.get(collection)
    if (!byIndex) this.owners.set(collection, (byIndex = new Map()))
    let entries = byIndex.get(spec.name)
    if (!entries) byIndex.set(spec.name, (entries = new Map()))
    return entries
  }
}
