import type { IndexSpec } from '../../cloudfunctions/shared/runtime/collections'
import { stringifyEjson, type Doc } from './ejson'

/**
 * The key a document holds in a unique index. As in MongoDB, a missing field counts as null, so two
 * documents both lacking a key field collide (CloudBase docs, 数据库索引: 唯一索引的空值限制).
 * Array fields are keyed by the whole array (MongoDB would index each element; no index here needs it).
 */
export function indexKey(spec: IndexSpec, doc: Doc): string {
  return stringifyEjson(Object.keys(spec.keys).map((path) => valueAt(doc, path) ?? null))
}

export function valueAt(doc: Doc, path: string): unknown {
  let value: unknown = doc
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
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

  /** The first index on which `doc` would collide with another committed document, if any. */
  clash(collection: string, docKey: string, doc: Doc): { spec: IndexSpec; key: string } | undefined {
    for (const spec of this.specs(collection)) {
      const key = indexKey(spec, doc)
      const owner = this.owner(collection, spec, key)
      if (owner !== undefined && owner !== docKey) return { spec, key }
    }
    return undefined
  }

  add(collection: string, docKey: string, doc: Doc): void {
    for (const spec of this.specs(collection)) this.entries(collection, spec).set(indexKey(spec, doc), docKey)
  }

  remove(collection: string, docKey: string, doc: Doc): void {
    for (const spec of this.specs(collection)) {
      const entries = this.entries(collection, spec)
      const key = indexKey(spec, doc)
      if (entries.get(key) === docKey) entries.delete(key)
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
