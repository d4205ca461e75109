import { database } from './cloudbase'

/**
 * The top-level fields that changed between two versions of a stored document, for a versioned
 * update. Objects and arrays are replaced whole with `_.set`: a plain object given to update() is
 * merged key by key, which would keep a key the new value dropped. Fields gone from `after` are removed.
 */
export function changedFields<D extends object>(before: D, after: D): Record<string, unknown> {
  const _ = database().command
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(plain(after))) {
    if (JSON.stringify(value) === JSON.stringify((before as Record<string, unknown>)[key])) continue
    out[key] = value !== null && typeof value === 'object' ? _.set(value) : value
  }
  for (const key of Object.keys(before)) if (!(key in after) || (after as Record<string, unknown>)[key] === undefined) out[key] = _.remove()
  return out
}

/** What the database stores: JSON data, with no `undefined` left for the SDK to serialise. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
