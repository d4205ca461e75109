/**
 * The wire and disk format. The SDK sends documents, queries and updates as canonical Extended JSON
 * strings (bson's `EJSON.stringify(x, { relaxed: false })`, @cloudbase/database utils/utils.ts) and
 * parses every returned document with `EJSON.parse`, so answers may be relaxed EJSON: plain numbers,
 * `{ $date: { $numberLong } }` for dates. Only the types CloudBase documents can hold from this
 * project are mapped; anything else stays the plain object it arrived as.
 */
export type Doc = Record<string, unknown>

const NUMBER_TAGS = ['$numberInt', '$numberLong', '$numberDouble', '$numberDecimal'] as const

/** `now` resolves `db.serverDate({ offset })`, which the SDK sends as `{ $tcb_server_date: { offset } }`. */
export function parseEjson(text: string, now: number = Date.now()): unknown {
  return JSON.parse(text, function revive(_key, value: unknown) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
    const keys = Object.keys(value)
    if (keys.length !== 1 || !keys[0].startsWith('$')) return value
    const inner = (value as Record<string, unknown>)[keys[0]]
    switch (keys[0]) {
      case '$date':
        return toDate(inner) ?? value
      case '$regularExpression':
        return toRegExp(inner) ?? value
      case '$oid':
        return typeof inner === 'string' ? inner : value
      case '$tcb_server_date': {
        const offset = (inner as { offset?: unknown } | null)?.offset
        return new Date(now + (typeof offset === 'number' ? offset : 0))
      }
      default:
        if ((NUMBER_TAGS as readonly string[]).includes(keys[0]) && typeof inner === 'string') return Number(inner)
        return value
    }
  })
}

/** Relaxed EJSON text: what the SDK parses back, and what the store keeps on disk. */
export function stringifyEjson(value: unknown): string {
  return JSON.stringify(value, function replace(this: Record<string, unknown>, key, encoded: unknown) {
    const raw = this[key]
    if (raw instanceof Date) return { $date: { $numberLong: String(raw.getTime()) } }
    if (raw instanceof RegExp) return { $regularExpression: { pattern: raw.source, options: raw.flags } }
    if (typeof raw === 'number' && !Number.isFinite(raw)) return { $numberDouble: String(raw) }
    return encoded
  })
}

function toDate(inner: unknown): Date | undefined {
  if (typeof inner === 'number') return new Date(inner)
  if (typeof inner === 'string') return new Date(inner)
  return undefined
}

// JavaScript has no `x` (extended) or `l` (locale) flag; MongoDB accepts them, CloudBase users rarely do.
function toRegExp(inner: unknown): RegExp | undefined {
  const spec = inner as { pattern?: unknown; options?: unknown } | null
  if (typeof spec?.pattern !== 'string') return undefined
  const options = typeof spec.options === 'string' ? spec.options.replace(/[^imsu]/g, '') : ''
  return new RegExp(spec.pattern, options)
}
