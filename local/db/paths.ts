/**
 * The value at a dotted path as MongoDB reads it for sorting and indexing: crossing an array on the
 * way collects the path's value from each element (a multikey path), so `tags` of `{ tags: ['a','b'] }`
 * is the array itself and `items.id` of `{ items: [{ id: 1 }, { id: 2 }] }` is `[1, 2]`. A numeric
 * part indexes an array. Undefined where nothing is there.
 */
export function valuesAt(doc: unknown, path: string): unknown {
  return walk(doc, path.split('.'))
}

function walk(value: unknown, parts: string[]): unknown {
  if (parts.length === 0) return value
  if (value === null || typeof value !== 'object') return undefined
  const [part, ...rest] = parts
  if (Array.isArray(value)) {
    if (/^\d+$/.test(part)) return walk(value[Number(part)], rest)
    const found = value.flatMap((item) => {
      const inner = walk(item, parts)
      return inner === undefined ? [] : Array.isArray(inner) ? inner : [inner]
    })
    return found.length > 0 ? found : undefined
  }
  return walk((value as Record<string, unknown>)[part], rest)
}
