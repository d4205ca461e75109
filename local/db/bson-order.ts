/**
 * MongoDB's comparison order for values of different BSON types (manual, "Comparison/Sort Order"):
 * MinKey < Null < Numbers < Strings < Objects < Arrays < BinData < ObjectId < Booleans < Dates <
 * Timestamps < Regular Expressions < MaxKey. Aggregation expressions ($eq, $gt, $cmp, …) compare by it
 * whatever the types, where a query's `{ v: { $gt: 4 } }` only compares like with like (type
 * bracketing, which mingo already does). There a missing field is a value of its own, below null and
 * not equal to it (`{ $eq: ['$missing', null] }` is false: ToucanToco/weaverbird#2289, precog/quasar#1591;
 * "still apply the comparison": SERVER-74344), which is why `$ifNull` exists. Strings compare by
 * code point, as MongoDB's default "simple" collation does; CloudBase sets no other.
 */
const MISSING_RANK = 0

function rank(value: unknown): number {
  if (value === undefined) return MISSING_RANK
  if (value === null) return 2
  if (typeof value === 'number' || typeof value === 'bigint') return 3
  if (typeof value === 'string') return 4
  if (typeof value === 'boolean') return 9
  if (value instanceof Date) return 10
  if (value instanceof RegExp) return 12
  if (Array.isArray(value)) return 6
  return 5
}

export function compareBson(a: unknown, b: unknown): number {
  const byType = rank(a) - rank(b)
  if (byType !== 0) return Math.sign(byType)
  if (a === undefined || a === null) return 0
  if (typeof a === 'number' || typeof a === 'bigint') return a < (b as number) ? -1 : a > (b as number) ? 1 : 0
  if (typeof a === 'string') return a < (b as string) ? -1 : a > (b as string) ? 1 : 0
  if (typeof a === 'boolean') return Number(a) - Number(b)
  if (a instanceof Date) return Math.sign(a.getTime() - (b as Date).getTime())
  if (a instanceof RegExp) return compareBson(`${a.source}/${a.flags}`, `${(b as RegExp).source}/${(b as RegExp).flags}`)
  if (Array.isArray(a)) return compareSequences(a, b as unknown[])
  // Objects: field by field, name then value, and a prefix first (manual: "compare key-value pairs in the order they appear").
  const left = Object.entries(a as Record<string, unknown>)
  const right = Object.entries(b as Record<string, unknown>)
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const byValueType = rank(left[i][1]) - rank(right[i][1])
    if (byValueType !== 0) return Math.sign(byValueType)
    const byName = compareBson(left[i][0], right[i][0])
    if (byName !== 0) return byName
    const byValue = compareBson(left[i][1], right[i][1])
    if (byValue !== 0) return byValue
  }
  return Math.sign(left.length - right.length)
}

function compareSequences(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareBson(a[i], b[i])
    if (order !== 0) return order
  }
  return Math.sign(a.length - b.length)
}

/**
 * The value a document sorts by: a missing field sorts as null; an array by its smallest element
 * ascending and its largest descending, and an empty array before null (manual, "Sort Order: Arrays",
 * "Sort Order: Missing Fields").
 */
export function sortValue(value: unknown, direction: 1 | -1): unknown {
  if (value === undefined) return null
  if (!Array.isArray(value)) return value
  if (value.length === 0) return undefined
  return value.reduce((best: unknown, item: unknown) => (compareBson(item, best) * direction < 0 ? item : best))
}

/** A stable sort by several keys, each 1 or -1, as MongoDB's sort() and $sort. */
export function sortDocuments<T extends Record<string, unknown>>(docs: T[], order: Record<string, 1 | -1>, valueAt: (doc: T, path: string) => unknown): T[] {
  const keys = Object.entries(order)
  const decorated = docs.map((doc, at) => ({ doc, at, values: keys.map(([path, direction]) => sortValue(valueAt(doc, path), direction)) }))
  decorated.sort((x, y) => {
    for (let i = 0; i < keys.length; i++) {
      const order = compareBson(x.values[i], y.values[i]) * keys[i][1]
      if (order !== 0) return order
    }
    return x.at - y.at
  })
  return decorated.map(({ doc }) => doc)
}
